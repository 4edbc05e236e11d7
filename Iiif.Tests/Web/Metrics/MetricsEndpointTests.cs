using System.Globalization;
using System.Text.RegularExpressions;
using Iiif.Imaging;
using Iiif.Tests.Web.ImageApi;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.Metrics;

/// <summary><c>GET /metrics</c> on a real Kestrel: the Prometheus text format with the request, byte, render and
/// render-queue series an operator's dashboard and alerts are built on.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class MetricsEndpointTests
{
    [Test]
    [Description("After one image request the counters show it by route and status, the bytes sent, and one jpg render.")]
    public async Task Metrics_AfterImageRequest_CountsRequestBytesAndRender()
    {
        await using var server = await IiifTestServer.StartAsync();
        var image = await server.GetAsync("/iiif/3/square-jp2/0,0,256,256/128,/0/default.jpg");
        Assert.That(image.Status, Is.EqualTo(200));

        var metrics = await server.GetAsync("/metrics");

        Assert.Multiple(() =>
        {
            Assert.That(metrics.Status, Is.EqualTo(200));
            Assert.That(metrics.Header("Content-Type"), Does.StartWith("text/plain"));
            Assert.That(Value(metrics.Text, "iiif_http_requests_total", "route=\"iiif_image\",status=\"200\""), Is.EqualTo(1));
            Assert.That(Value(metrics.Text, "iiif_http_response_bytes_total", "route=\"iiif_image\""), Is.EqualTo(image.Body.Length));
            // 256 px of the full-resolution image scaled to 128 px: one reduction level down (2^1).
            Assert.That(Value(metrics.Text, "iiif_render_duration_seconds_count", "format=\"jpg\",reduction=\"1\""), Is.EqualTo(1));
            Assert.That(metrics.Text, Does.Contain("iiif_render_queue_length"));
            Assert.That(Value(metrics.Text, "iiif_render_rejected_total", string.Empty), Is.Zero);
        });
    }

    [Test]
    public async Task Metrics_InfoAndUnknownIdentifier_CountedByRouteAndStatus()
    {
        await using var server = await IiifTestServer.StartAsync();
        Assert.That((await server.GetAsync("/iiif/3/square-jp2/info.json")).Status, Is.EqualTo(200));
        Assert.That((await server.GetAsync("/iiif/3/nothing-here/info.json")).Status, Is.EqualTo(404));
        Assert.That((await server.GetAsync("/iiif/3/square-jp2")).Status, Is.EqualTo(303));

        var text = (await server.GetAsync("/metrics")).Text;

        Assert.Multiple(() =>
        {
            Assert.That(Value(text, "iiif_http_requests_total", "route=\"iiif_info\",status=\"200\""), Is.EqualTo(1));
            Assert.That(Value(text, "iiif_http_requests_total", "route=\"iiif_info\",status=\"404\""), Is.EqualTo(1));
            Assert.That(Value(text, "iiif_http_requests_total", "route=\"iiif_redirect\",status=\"303\""), Is.EqualTo(1));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#73-error-conditions 503: a render refused for want of a slot is counted as shed load.")]
    public async Task Metrics_RenderRefused_CountsShed()
    {
        var renderer = new BlockingRenderer();
        await using var server = await IiifTestServer.StartAsync(
            ["--imaging:maxConcurrentRenders=1", "--imaging:queueTimeout=0"],
            services => services.AddSingleton<IImageRenderer>(renderer));
        var blocked = server.GetAsync("/iiif/3/square-jp2/full/100,/0/default.jpg");
        await renderer.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var refused = await server.GetAsync("/iiif/3/square-jp2/full/200,/0/default.jpg");
        renderer.Release();
        await blocked;
        var text = (await server.GetAsync("/metrics")).Text;

        Assert.That(refused.Status, Is.EqualTo(503));
        Assert.That(Value(text, "iiif_render_rejected_total", string.Empty), Is.EqualTo(1));
        Assert.That(Value(text, "iiif_http_requests_total", "route=\"iiif_image\",status=\"503\""), Is.EqualTo(1));
    }

    [Test]
    public async Task Metrics_Disabled_Returns404()
    {
        await using var server = await IiifTestServer.StartAsync(["--metrics:enabled=false"]);

        var response = await server.GetAsync("/metrics");

        Assert.That(response.Status, Is.EqualTo(404));
    }

    /// <summary>The value of one series in the text format, by metric name and exact label text (empty = no labels).</summary>
    internal static double Value(string text, string name, string labels)
    {
        var series = labels.Length == 0 ? name : name + "{" + labels + "}";
        var match = Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"series {series} not found in:\n{text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}

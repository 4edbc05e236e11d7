using System.Net;
using System.Text.Json;

namespace Iiif.Tests.Web.Viewer;

/// <summary>Static files under wwwroot (next to the executable) and the viewer's request log line.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class ViewerAssetTests
{
    private static readonly string OpenSeadragonFile =
        Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "openseadragon", "openseadragon.min.js");

    [Test]
    public async Task PageScript_IsServedFromWebRootBesideExecutable()
    {
        await using var host = await RunningHost.StartAsync();

        using var response = await host.GetAsync("/js/viewer.js");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("defaultZoomLevel: 1").And.Contain("showNavigator: true"));
    }

    [Test]
    [Description("OpenSeadragon is served from wwwroot/lib when `npm ci` was run before the build; otherwise the page says the assets are missing.")]
    public async Task OpenSeadragon_ServedWhenBuilt_ElsePageSaysMissing()
    {
        await using var host = await RunningHost.StartAsync(f => RunningHost.AddImage(f, "sample"));

        using var script = await host.GetAsync("/lib/openseadragon/openseadragon.min.js");
        using var icon = await host.GetAsync("/lib/openseadragon/images/zoomin_rest.png");
        var page = await (await host.GetAsync("/viewer/sample")).Content.ReadAsStringAsync();

        if (File.Exists(OpenSeadragonFile))
        {
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await script.Content.ReadAsStringAsync(), Does.Contain("OpenSeadragon"));
            Assert.That(icon.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(icon.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
            Assert.That(page, Does.Not.Contain("viewer assets are missing"));
        }
        else
        {
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(page, Does.Contain("viewer assets are missing").And.Not.Contain("openseadragon.min.js\"></script>"));
        }
    }

    [Test]
    [Description("Old server's log keys: route viewer, res viewer.")]
    public async Task Page_LogsRouteAndResultViewer()
    {
        var host = await RunningHost.StartAsync(f => RunningHost.AddImage(f, "sample"));
        string[] lines;
        await using (host)
        {
            (await host.GetAsync("/viewer/sample")).Dispose();
            lines = await host.StopAndReadLogAsync();
        }

        var line = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Single(l => l.TryGetProperty("url", out var url) && url.GetString() == "/viewer/sample");
        Assert.That((line.GetProperty("route").GetString(), line.GetProperty("res").GetString()), Is.EqualTo(("viewer", "viewer")));
    }
}

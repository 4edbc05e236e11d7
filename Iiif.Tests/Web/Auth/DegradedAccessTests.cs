using System.Net;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Web.Auth;

/// <summary>The degraded version ({identifier}/degraded, open to all): whatever is asked of it, no answer is larger than
/// the policy's maxSize (200 px for readers) or in colour when the policy says gray.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class DegradedAccessTests
{
    private const string Degraded = "restricted-book%2Fdegraded";
    private RunningHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await AuthHost.StartAsync("restricted-book");

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TestCase("3", "full/max/0/default.png")]
    [TestCase("3", "full/^max/0/default.png")]
    [TestCase("3", "full/^1000,/0/color.png")]
    [TestCase("3", "full/^pct:300/0/default.png")]
    [TestCase("3", "full/1000,/0/default.png")]
    [TestCase("3", "square/max/0/default.png")]
    [TestCase("3", "0,0,100,100/max/90/default.png")]
    [TestCase("3", "pct:0,0,50,50/!800,800/0/default.png")]
    [TestCase("2", "full/full/0/default.png")]
    [TestCase("2", "full/1000,/0/color.png")]
    [TestCase("2", "full/pct:400/0/default.png")]
    [TestCase("2", "full/!2000,2000/0/default.png")]
    public async Task AnyRequest_NeverLargerThanMaxSizeNorInColour(string version, string tail)
    {
        using var response = await _host.GetAsync($"/iiif/{version}/{Degraded}/{tail}");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.That((int)response.StatusCode, Is.InRange(400, 501), "refused, never enlarged: " + tail);
            return;
        }

        using var image = Image.Load<Rgb24>(await response.Content.ReadAsByteArrayAsync());
        Assert.That(Math.Max(image.Width, image.Height), Is.LessThanOrEqualTo(200), tail);
        Assert.That(IsGray(image), Is.True, tail);
    }

    [Test]
    [Description("Its info.json: 200 px on the long side, no upscaling offered, no auth services; anonymous requests get it")]
    public async Task InfoJson_DescribesTheSmallVersion()
    {
        using var response = await _host.GetAsync($"/iiif/3/{Degraded}/info.json");
        var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var features = info.TryGetProperty("extraFeatures", out var extra) ? extra.EnumerateArray().Select(f => f.GetString()).ToList() : [];

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((info.GetProperty("width").GetInt32(), info.GetProperty("height").GetInt32()), Is.EqualTo((200, 150)));
        Assert.That(features, Does.Not.Contain("sizeUpscaling"));
        Assert.That(info.GetProperty("id").GetString(), Does.EndWith("/iiif/3/" + Degraded));
    }

    [Test]
    [Description("A policy without degraded access has no degraded alias: the name is just another restricted identifier")]
    public async Task NoDegradedAccess_AliasIsNotOpen()
    {
        using var response = await _host.GetAsync("/iiif/3/staff-plan%2Fdegraded/full/max/0/default.png");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized).Or.EqualTo(HttpStatusCode.NotFound));
    }

    private static bool IsGray(Image<Rgb24> image)
    {
        var gray = true;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && gray; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    gray &= pixel.R == pixel.G && pixel.G == pixel.B;
                }
            }
        });
        return gray;
    }
}

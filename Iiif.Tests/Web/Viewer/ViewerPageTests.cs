using System.Net;
using System.Text.RegularExpressions;

namespace Iiif.Tests.Web.Viewer;

/// <summary>The viewer pages on the real host: page, 404, index, prefix and identifier encoding, the switch.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class ViewerPageTests
{
    private const string NestedId = "sub/dir image";

    [Test]
    [Description("Old server: viewer 200 for an existing image; the page opens its info.json with OpenSeadragon.")]
    public async Task Page_ExistingImage_ReferencesOpenSeadragonAndInfoJson()
    {
        await using var host = await RunningHost.StartAsync(f => RunningHost.AddImage(f, "sample"));

        using var response = await host.GetAsync("/viewer/sample");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("<script src=\"/lib/openseadragon/openseadragon.min.js\"></script>"));
            Assert.That(html, Does.Contain($"data-info-url=\"{host.BaseUri}iiif/3/sample/info.json\""));
            Assert.That(html, Does.Contain("<title>sample"));
            Assert.That(html, Does.Contain("href=\"/viewer/\""), "a link back to the index");
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: a '/' in an identifier is sent as %2F; the URL uses the configured prefix and default version.")]
    public async Task Page_PrefixAndSlashInIdentifier_BuildsEncodedInfoUrl()
    {
        await using var host = await RunningHost.StartAsync(f => RunningHost.AddImage(f, NestedId),
            "--server:prefix=images/iiif", "--server:defaultVersion=2");

        using var response = await host.GetAsync("/viewer/sub%2Fdir%20image");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain($"data-info-url=\"{host.BaseUri}images/iiif/2/sub%2Fdir%20image/info.json\""));
    }

    [Test]
    [Description("Old server: viewer 404 when the source image is missing.")]
    public async Task Page_UnknownImage_Returns404Page()
    {
        await using var host = await RunningHost.StartAsync(f => RunningHost.AddImage(f, "sample"));

        using var response = await host.GetAsync("/viewer/nothing-here");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nothing-here").And.Contain("Not found"));
    }

    [TestCase("/viewer/..%2F..%2Fetc%2Fpasswd")]
    [TestCase("/viewer/%ZZ")]
    public async Task Page_InvalidIdentifier_Returns404(string path)
    {
        await using var host = await RunningHost.StartAsync(f => RunningHost.AddImage(f, "sample"));

        using var response = await host.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/viewer")]
    [TestCase("/viewer/")]
    public async Task Index_ListsImagesWithViewerAndInfoLinks(string path)
    {
        await using var host = await RunningHost.StartAsync(f =>
        {
            RunningHost.AddImage(f, "sample");
            RunningHost.AddImage(f, NestedId);
        });

        using var response = await host.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var viewerLinks = Regex.Matches(html, "class=\"viewer-link\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(viewerLinks, Is.EquivalentTo(new[] { "/viewer/sample", "/viewer/sub%2Fdir%20image" }));
        Assert.That(html, Does.Contain($"href=\"{host.BaseUri}iiif/3/sub%2Fdir%20image/info.json\""));
    }

    [Test]
    public async Task Index_LinkedPages_Open()
    {
        await using var host = await RunningHost.StartAsync(f => RunningHost.AddImage(f, NestedId));

        using var response = await host.GetAsync("/viewer/sub%2Fdir%20image");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<h1>sub/dir image</h1>"));
    }

    [TestCase("/viewer")]
    [TestCase("/viewer/sample")]
    [Description("Old server: the viewer routes exist only while `viewer` is on.")]
    public async Task Viewer_Disabled_Returns404(string path)
    {
        await using var host = await RunningHost.StartAsync(f => RunningHost.AddImage(f, "sample"), "--viewer:enabled=false");

        using var response = await host.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}

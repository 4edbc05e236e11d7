namespace Iiif.Tests.Web.ImageApi;

/// <summary>Identifiers from the raw target (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding): traversal, raw slashes, NUL and odd characters never reach
/// the file system as paths, and each gets 400 or 404 with CORS.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class PathSafetyTests
{
    private IiifTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await IiifTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("/iiif/3/..%2F..%2Fetc%2Fpasswd/info.json")]
    [TestCase("/iiif/3/%2Fetc%2Fpasswd/info.json")]
    [TestCase("/iiif/3/..%2Fsquare-jp2/info.json")]
    [TestCase("/iiif/3/square-jp2%00/info.json")]
    [TestCase("/iiif/3/../info.json")]
    [TestCase("/iiif/3/../square-jp2/full/max/0/default.jpg")]
    [TestCase("/iiif/3/..%2F..%2Fetc%2Fpasswd/full/max/0/default.jpg")]
    [TestCase("/iiif/3/C:%5Cwindows/info.json")]
    [TestCase("/iiif/3/[frob]/info.json", Description = "Edge case: raw brackets, 400 or 404")]
    public async Task Get_HostileIdentifier_Returns400Or404(string target)
    {
        var response = await _server.GetAsync(target);

        Assert.That(response.Status, Is.AnyOf(400, 404), response.ToString());
        Assert.That(response.Text, Does.Not.Contain("root:"));
    }

    [TestCase("/iiif/3/square/jp2/info.json", Description = "Edge case: a raw slash makes an unknown path")]
    [TestCase("/iiif/3/no-such-image/info.json", Description = "Edge case: unknown identifier")]
    [TestCase("/iiif/3/no-such-image/full/max/0/default.jpg")]
    [TestCase("/iiif/3/square-jp2/full/max/0")]
    [TestCase("/iiif/3/square-jp2/full/max/0/default.jpg/extra")]
    public async Task Get_UnknownOrShapeless_Returns404WithCors(string target)
    {
        var response = await _server.GetAsync(target);

        Assert.That(response.Status, Is.EqualTo(404), response.ToString());
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
    }

    [Test]
    [Description("Edge case: the ark identifier decodes once and is served from its subfolder.")]
    public async Task Get_ArkImage_ServedFromSubfolder()
    {
        var response = await _server.GetAsync("/iiif/3/ark:%2F12025%2F654xz321/full/100,/0/default.jpg");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.PixelSize(), Is.EqualTo((100, 80)));
        Assert.That(response.Header("Link"), Does.StartWith($"<{_server.Origin}/iiif/3/ark:%2F12025%2F654xz321/full/100,80/0/default.jpg>"));
    }

    [Test]
    public async Task Post_IiifPath_NotAllowedButCors()
    {
        var response = await _server.SendAsync("POST", "/iiif/3/square-jp2/info.json");

        Assert.That(response.Status, Is.EqualTo(405));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
    }
}

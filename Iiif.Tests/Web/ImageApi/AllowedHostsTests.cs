using System.Text.Json;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>Issue #13: info.json ids must not follow any Host header (they are cached publicly for a day). With
/// server.allowedHosts set, other hosts get 400 and a trusted proxy's X-Forwarded-Host is believed only for listed hosts;
/// without it (the default, e.g. on localhost) every host is answered as before.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AllowedHostsTests
{
    private IiifTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() =>
        _server = await IiifTestServer.StartAsync(["--server:allowedHosts:0=images.example.org", "--server:allowedHosts:1=*.internal.example"]);

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("evil.example")]
    [TestCase("images.example.org.evil.example")]
    public async Task Get_UnlistedHost_400WithoutId(string host)
    {
        var response = await _server.GetAsync("/iiif/3/square-jp2/info.json", new Dictionary<string, string> { ["Host"] = host });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Text, Does.Not.Contain(host));
    }

    [TestCase("images.example.org", "http://images.example.org/iiif/3/square-jp2")]
    [TestCase("images.example.org:8080", "http://images.example.org:8080/iiif/3/square-jp2")]
    [TestCase("node-1.internal.example", "http://node-1.internal.example/iiif/3/square-jp2")]
    public async Task Get_ListedHost_IdUsesIt(string host, string id)
    {
        Assert.That(await IdAsync(_server, new Dictionary<string, string> { ["Host"] = host }), Is.EqualTo(id));
    }

    [Test]
    [Description("A trusted proxy passing a forged X-Forwarded-Host: the forged name is not believed.")]
    public async Task Get_ForwardedUnlistedHost_IdNeverUsesIt()
    {
        var response = await _server.GetAsync("/iiif/3/square-jp2/info.json", new Dictionary<string, string>
        {
            ["Host"] = "images.example.org",
            ["X-Forwarded-Proto"] = "https",
            ["X-Forwarded-Host"] = "evil.example",
        });

        Assert.That(response.Text, Does.Not.Contain("evil.example"));
    }

    [Test]
    [Description("The default (no allowedHosts) still answers any host, so localhost, tests and the viewer work unconfigured.")]
    public async Task Get_DefaultConfiguration_AnyHostAnswered()
    {
        await using var server = await IiifTestServer.StartAsync();

        Assert.That(await IdAsync(server, new Dictionary<string, string> { ["Host"] = "localhost:3001" }), Is.EqualTo("http://localhost:3001/iiif/3/square-jp2"));
    }

    private static async Task<string?> IdAsync(IiifTestServer server, Dictionary<string, string> headers)
    {
        var response = await server.GetAsync("/iiif/3/square-jp2/info.json", headers);
        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty("id").GetString();
    }
}

using System.Text.Json;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>https://iiif.io/api/image/3.0/#52-technical-properties: the info.json id is the base URI the client used: server.baseUri when configured, else the
/// request as a trusted proxy describes it (X-Forwarded-Proto/Host/Prefix), else the request itself.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class PublicBaseUriTests
{
    private static readonly Dictionary<string, string> Forwarded = new()
    {
        ["X-Forwarded-Proto"] = "https",
        ["X-Forwarded-Host"] = "images.example.org",
        ["X-Forwarded-Prefix"] = "/pictures",
    };

    private readonly Dictionary<string, IiifTestServer> _servers = new(StringComparer.Ordinal);

    [OneTimeTearDown]
    public async Task StopServers()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }
    }

    [Test]
    public async Task Get_ForwardedFromTrustedProxy_IdUsesForwardedValues()
    {
        var server = await ServerAsync();

        var id = await IdAsync(server, "/iiif/3/square-jp2/info.json", Forwarded);
        var redirect = await server.GetAsync("/iiif/3/square-jp2", Forwarded);

        Assert.That(id, Is.EqualTo("https://images.example.org/pictures/iiif/3/square-jp2"));
        Assert.That(redirect.Header("Location"), Is.EqualTo("https://images.example.org/pictures/iiif/3/square-jp2/info.json"));
    }

    [Test]
    public async Task Get_ForwardedFromUntrustedClient_IdUsesRequest()
    {
        var server = await ServerAsync("--server:trustedProxies=");

        var id = await IdAsync(server, "/iiif/3/square-jp2/info.json", Forwarded);

        Assert.That(id, Is.EqualTo(server.Origin + "/iiif/3/square-jp2"));
    }

    [Test]
    public async Task Get_ConfiguredBaseUri_WinsOverHeaders()
    {
        var server = await ServerAsync("--server:baseUri=https://iiif.example.net/base/");

        var id = await IdAsync(server, "/iiif/2/ark:%2F12025%2F654xz321/info.json", Forwarded, "@id");

        Assert.That(id, Is.EqualTo("https://iiif.example.net/base/iiif/2/ark:%2F12025%2F654xz321"));
    }

    [Test]
    [Description("Two clients using two host names each get their own id: nothing is cached across requesters.")]
    public async Task Get_TwoHosts_EachGetsOwnId()
    {
        var server = await ServerAsync();

        var first = await IdAsync(server, "/iiif/3/square-jp2/info.json", new Dictionary<string, string> { ["X-Forwarded-Host"] = "a.example" });
        var second = await IdAsync(server, "/iiif/3/square-jp2/info.json", new Dictionary<string, string> { ["X-Forwarded-Host"] = "b.example" });

        Assert.That((first, second), Is.EqualTo(("http://a.example/iiif/3/square-jp2", "http://b.example/iiif/3/square-jp2")));
    }

    // One server per configuration, shared by the tests that use it.
    private async Task<IiifTestServer> ServerAsync(params string[] args)
    {
        var key = string.Join('\n', args);
        if (!_servers.TryGetValue(key, out var server))
        {
            server = await IiifTestServer.StartAsync(args);
            _servers[key] = server;
        }

        return server;
    }

    private static async Task<string?> IdAsync(IiifTestServer server, string target, Dictionary<string, string> headers, string key = "id")
    {
        var response = await server.GetAsync(target, headers);
        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty(key).GetString();
    }
}

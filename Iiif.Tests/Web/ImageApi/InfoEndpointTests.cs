using System.Text.Json;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>info.json and the base URI redirect on a real host (https://iiif.io/api/image/3.0/#2-uri-syntax, https://iiif.io/api/image/3.0/#51-image-information-request, https://iiif.io/api/image/3.0/#52-technical-properties, https://iiif.io/api/image/3.0/#7-server-responses).</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class InfoEndpointTests
{
    private const string LdV3 = "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"";
    private IiifTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await IiifTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("3", null, LdV3, Description = "https://iiif.io/api/image/3.0/#51-image-information-request: 3.0 without Accept is ld+json with the profile")]
    [TestCase("3", "*/*", LdV3)]
    [TestCase("3", "application/ld+json", LdV3)]
    [TestCase("3", "application/json", "application/json")]
    [TestCase("3", "application/json, application/ld+json;q=0.5", "application/json")]
    [TestCase("2", null, "application/json", Description = "https://iiif.io/api/image/2.1/#51-image-information-request: 2.1 is plain JSON unless ld+json is asked for")]
    [TestCase("2", "*/*", "application/json")]
    [TestCase("2", "application/ld+json", "application/ld+json")]
    [TestCase("2", "application/json", "application/json")]
    public async Task Get_Info_NegotiatesContentType(string version, string? accept, string expected)
    {
        var headers = accept is null ? null : new Dictionary<string, string> { ["Accept"] = accept };

        var response = await _server.GetAsync($"/iiif/{version}/square-jp2/info.json", headers);

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.Header("Content-Type"), Is.EqualTo(expected));
        Assert.That(response.Header("Vary"), Is.EqualTo("Accept"));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
    }

    [TestCase("/iiif/3/square-jp2/info.json", "id", "/iiif/3/square-jp2", 1000, 1000)]
    [TestCase("/iiif/2/square-tif/info.json", "@id", "/iiif/2/square-tif", 1000, 1000)]
    [TestCase("/iiif/wide-tif/info.json", "id", "/iiif/wide-tif", 1000, 800, Description = "the default version keeps the bare URL")]
    [TestCase("/iiif/3/ark:%2F12025%2F654xz321/info.json", "id", "/iiif/3/ark:%2F12025%2F654xz321", 1000, 800,
        Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: %2F stays in the identifier, served from a subfolder")]
    public async Task Get_Info_IdEqualsRequestedBaseUri(string target, string idKey, string expectedPath, int width, int height)
    {
        var response = await _server.GetAsync(target);

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        using var document = JsonDocument.Parse(response.Body);
        var root = document.RootElement;
        Assert.That(root.GetProperty(idKey).GetString(), Is.EqualTo(_server.Origin + expectedPath));
        Assert.That((root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32()), Is.EqualTo((width, height)));
    }

    [Test]
    [Description("Edge case: %2D is the same identifier as '-'.")]
    public async Task Get_EncodedHyphen_SameImage()
    {
        var response = await _server.GetAsync("/iiif/3/square%2Djp2/info.json");

        Assert.That(response.Status, Is.EqualTo(200));
        using var document = JsonDocument.Parse(response.Body);
        Assert.That(document.RootElement.GetProperty("id").GetString(), Is.EqualTo(_server.Origin + "/iiif/3/square-jp2"));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#6-compliance-level-and-profile-document: 3.0 info.json links the level 2 profile; Edge case: no license, attribution or logo in 3.0.")]
    public async Task Get_V3Info_ProfileLinkAndNoV2Keys()
    {
        var response = await _server.GetAsync("/iiif/3/square-jp2/info.json");
        using var document = JsonDocument.Parse(response.Body);

        Assert.That(response.Header("Link"), Is.EqualTo("<http://iiif.io/api/image/3/level2.json>;rel=\"profile\""));
        Assert.That(document.RootElement.GetProperty("type").GetString(), Is.EqualTo("ImageService3"));
        foreach (var key in new[] { "license", "attribution", "logo" })
        {
            Assert.That(document.RootElement.TryGetProperty(key, out _), Is.False, key);
        }
    }

    [TestCase("/iiif/3/square-jp2", "/iiif/3/square-jp2/info.json", Description = "https://iiif.io/api/image/3.0/#2-uri-syntax: base URI 303 to info.json")]
    [TestCase("/iiif/3/square-jp2/", "/iiif/3/square-jp2/info.json")]
    [TestCase("/iiif/2/ark:%2F12025%2F654xz321", "/iiif/2/ark:%2F12025%2F654xz321/info.json")]
    [TestCase("/iiif/wide-jp2", "/iiif/wide-jp2/info.json")]
    public async Task Get_BaseUri_RedirectsWith303(string target, string location)
    {
        var response = await _server.GetAsync(target);

        Assert.That(response.Status, Is.EqualTo(303));
        Assert.That(response.Header("Location"), Is.EqualTo(_server.Origin + location));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#72-successful-responses: info.json carries validators; a matching If-None-Match is 304 with CORS and Vary.")]
    public async Task Get_InfoIfNoneMatch_Returns304()
    {
        var first = await _server.GetAsync("/iiif/3/square-jp2/info.json");
        var second = await _server.GetAsync("/iiif/3/square-jp2/info.json", new Dictionary<string, string> { ["If-None-Match"] = first.Header("ETag")! });
        var otherType = await _server.GetAsync("/iiif/3/square-jp2/info.json", new Dictionary<string, string>
        {
            ["If-None-Match"] = first.Header("ETag")!,
            ["Accept"] = "application/json",
        });

        Assert.Multiple(() =>
        {
            Assert.That(second.Status, Is.EqualTo(304));
            Assert.That(second.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
            Assert.That(second.Header("Vary"), Is.EqualTo("Accept"));
            Assert.That(otherType.Status, Is.EqualTo(200), "another media type is another representation");
        });
    }

    [Test]
    public async Task Head_Info_HeadersWithoutBody()
    {
        var get = await _server.GetAsync("/iiif/3/square-jp2/info.json");
        var head = await _server.SendAsync("HEAD", "/iiif/3/square-jp2/info.json");

        Assert.That((head.Status, head.Body.Length), Is.EqualTo((200, 0)));
        Assert.That(head.Header("Content-Length"), Is.EqualTo(get.Header("Content-Length")));
        Assert.That(head.Header("ETag"), Is.EqualTo(get.Header("ETag")));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#73-error-conditions: a corrupt source is a 500 with a clean sentence, for info.json and images.")]
    public async Task Get_CorruptSource_Returns500WithCleanBody()
    {
        var info = await _server.GetAsync("/iiif/3/corrupt/info.json");
        var image = await _server.GetAsync("/iiif/3/corrupt/full/max/0/default.jpg");

        foreach (var response in new[] { info, image })
        {
            Assert.That(response.Status, Is.EqualTo(500));
            Assert.That(response.Text, Is.EqualTo("The image could not be read.\n"));
            Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
            Assert.That(response.Header("Cache-Control"), Is.Null);
        }
    }
}

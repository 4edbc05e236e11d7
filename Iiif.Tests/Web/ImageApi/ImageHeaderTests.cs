using System.Globalization;
using Iiif.Core.Identifiers;
using Iiif.Core.Requests;
using Iiif.Web.Http;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>https://iiif.io/api/image/3.0/#7-server-responses on image responses: CORS, Link, caching validators and 304, Content-Disposition, HEAD, OPTIONS.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class ImageHeaderTests
{
    private const string Tile = "/iiif/3/square-jp2/0,0,512,512/256,/0/default.jpg";
    private IiifTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await IiifTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    [Description("https://iiif.io/api/image/3.0/#71-cors CORS with * and Link exposed; https://iiif.io/api/image/3.0/#6-compliance-level-and-profile-document canonical and profile links in one header; https://iiif.io/api/image/3.0/#72-successful-responses caching.")]
    public async Task Get_Image_HasIiifHeaders()
    {
        var response = await _server.GetAsync(Tile, new Dictionary<string, string> { ["Origin"] = "https://viewer.example" });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"), "never the Origin echoed");
            Assert.That(response.Header("Access-Control-Expose-Headers"), Is.EqualTo("Link"));
            Assert.That(response.Header("Link"), Is.EqualTo(
                $"<{_server.Origin}/iiif/3/square-jp2/0,0,512,512/256,256/0/default.jpg>;rel=\"canonical\", "
                + "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\""));
            Assert.That(response.Header("Cache-Control"), Is.EqualTo("public, max-age=86400"));
            Assert.That(response.Header("ETag"), Does.Match("^\"[0-9a-f]{32}\"$"));
            Assert.That(response.Header("Last-Modified"), Does.EndWith(" GMT"));
            Assert.That(response.Header("Content-Disposition"), Is.EqualTo("inline; filename=\"square-jp2-0,0,512,512-256,-0-default.jpg\""));
            Assert.That(response.Header("Content-Length"), Is.EqualTo(response.Body.Length.ToString(CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#6-compliance-level-and-profile-document: 2.1 links its own level 2 profile and a 2.1 canonical size.")]
    public async Task Get_V2Image_LinksV2Profile()
    {
        var response = await _server.GetAsync("/iiif/2/square-jp2/full/pct:50/0/default.png");

        Assert.That(response.Header("Link"), Is.EqualTo(
            $"<{_server.Origin}/iiif/2/square-jp2/full/500,/0/default.png>;rel=\"canonical\", "
            + "<http://iiif.io/api/image/2/level2.json>;rel=\"profile\""));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#72-successful-responses: If-None-Match with the ETag gives 304, still with CORS; the ETag is the same for equivalent requests.")]
    public async Task Get_IfNoneMatch_Returns304WithCors()
    {
        var first = await _server.GetAsync(Tile);
        var equivalent = await _server.GetAsync("/iiif/3/square-jp2/0,0,512,512/pct:50/0/default.jpg");
        var second = await _server.GetAsync(Tile, new Dictionary<string, string> { ["If-None-Match"] = first.Header("ETag")! });

        Assert.Multiple(() =>
        {
            Assert.That(equivalent.Header("ETag"), Is.EqualTo(first.Header("ETag")));
            Assert.That(second.Status, Is.EqualTo(304));
            Assert.That(second.Body, Is.Empty);
            Assert.That(second.Header("ETag"), Is.EqualTo(first.Header("ETag")));
            Assert.That(second.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
        });
    }

    [Test]
    public async Task Get_IfModifiedSinceLastModified_Returns304()
    {
        var first = await _server.GetAsync(Tile);
        var second = await _server.GetAsync(Tile, new Dictionary<string, string> { ["If-Modified-Since"] = first.Header("Last-Modified")! });
        var stale = await _server.GetAsync(Tile, new Dictionary<string, string> { ["If-Modified-Since"] = "Mon, 01 Jan 2001 00:00:00 GMT" });

        Assert.That((second.Status, stale.Status), Is.EqualTo((304, 200)));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#7-server-responses: HEAD answers the GET headers without a body.")]
    public async Task Head_Image_SameHeadersNoBody()
    {
        var get = await _server.GetAsync(Tile);
        var head = await _server.SendAsync("HEAD", Tile);

        Assert.Multiple(() =>
        {
            Assert.That(head.Status, Is.EqualTo(200));
            Assert.That(head.Body, Is.Empty);
            foreach (var name in new[] { "Content-Type", "Content-Length", "Link", "ETag", "Access-Control-Allow-Origin", "Content-Disposition" })
            {
                Assert.That(head.Header(name), Is.EqualTo(get.Header(name)), name);
            }
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#71-cors: OPTIONS is a CORS preflight: 204, origin *, the methods, the requested headers, a max age.")]
    public async Task Options_Preflight_Returns204WithCorsHeaders()
    {
        var response = await _server.SendAsync("OPTIONS", Tile, new Dictionary<string, string>
        {
            ["Origin"] = "https://viewer.example",
            ["Access-Control-Request-Method"] = "GET",
            ["Access-Control-Request-Headers"] = "x-requested-with, authorization",
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(204));
            Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
            Assert.That(response.Header("Access-Control-Allow-Methods"), Is.EqualTo("GET, HEAD, OPTIONS"));
            Assert.That(response.Header("Access-Control-Allow-Headers"), Is.EqualTo("x-requested-with, authorization"));
            Assert.That(response.Header("Access-Control-Max-Age"), Is.EqualTo("86400"));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#73-error-conditions: errors are short plain text with CORS and no-store; no paths.")]
    public async Task Get_BadSize_PlainTextErrorWithCorsAndNoStore()
    {
        var response = await _server.GetAsync("/iiif/3/square-jp2/full/abc/0/default.jpg");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400));
            Assert.That(response.Header("Content-Type"), Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(response.Header("Cache-Control"), Is.EqualTo("no-store"));
            Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
            Assert.That(response.Text, Does.StartWith("size: 'abc' is not valid"));
            Assert.That(response.Text, Does.Not.Contain("/tmp"));
        });
    }

    [Test]
    [Description("RFC 6266: a non-ASCII identifier gets an ASCII filename and a UTF-8 filename*.")]
    public void ContentDisposition_NonAscii_HasFilenameStar()
    {
        var path = new IiifPath(IiifPathKind.Image, new ImageIdentifier("Ölbild/1\""), "full", "max", "0", "default.jpg");

        var disposition = IiifHeaders.ContentDisposition(path, ImageFormat.Jpg);

        Assert.That(disposition, Is.EqualTo(
            "inline; filename=\"_lbild_1_-full-max-0-default.jpg\"; filename*=UTF-8''%C3%96lbild_1_-full-max-0-default.jpg"));
    }
}

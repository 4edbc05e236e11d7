using Iiif.Tests.Web.Pipeline;

namespace Iiif.Tests.Web.Auth;

/// <summary>Where the access check sits on the one IIIF path, seen with fakes (no socket, no pixels): right after the
/// parse, before the source is resolved, the 304 check and any cache tier; info.json stays public.</summary>
[TestFixture]
public class AuthEndpointOrderTests
{
    private const string Tile = "/iiif/3/book/0,0,256,256/128,/0/default.jpg";

    private static EndpointHarness Harness()
    {
        var harness = EndpointHarness.Create(
            "--auth:rules:0:prefix=book", "--auth:rules:0:policy=readers", "--auth:policies:readers:type=terms");
        harness.Source.Add("book");
        return harness;
    }

    [Test]
    [Description("https://iiif.io/api/auth/2.0/: a restricted image without the cookie is 401 even for a conditional request that would be 304, and nothing is rendered")]
    public async Task Restricted_IfNoneMatchWithoutCookie_401NotModifiedNever()
    {
        await using var harness = Harness();

        var response = await harness.GetAsync(Tile, new Dictionary<string, string> { ["If-None-Match"] = "*" });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(401));
            Assert.That(response.Header("WWW-Authenticate"), Does.StartWith("IIIF-Auth2 probe=\"http://iiif.test/auth/probe/3/book\""));
            Assert.That(response.Header("Cache-Control"), Is.EqualTo("no-store"));
            Assert.That(response.Header("ETag"), Is.Null, "no validator of the image leaks");
            Assert.That(harness.Renderer.Renders, Is.Zero);
        });
    }

    [Test]
    [Description("The check comes before the source is asked: a restricted name that does not exist is 401 too, so refused clients learn nothing of which images exist")]
    public async Task Restricted_UnknownIdentifier_401Not404()
    {
        await using var harness = Harness();

        var response = await harness.GetAsync("/iiif/3/book-missing/full/max/0/default.jpg");

        Assert.That(response.Status, Is.EqualTo(401));
    }

    [Test]
    [Description("https://iiif.io/api/auth/2.0/#21-declaring-services: info.json of a restricted image is public and declares the probe")]
    public async Task Restricted_InfoJson_200WithProbeService()
    {
        await using var harness = Harness();

        var response = await harness.GetAsync("/iiif/3/book/info.json");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(System.Text.Encoding.UTF8.GetString(response.Body), Does.Contain("\"type\":\"AuthProbeService2\""));
        });
    }
}

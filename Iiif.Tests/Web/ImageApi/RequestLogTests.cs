using System.Text.Json;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>The request log keeps the old server's keys for IIIF routes: route info/image/redirect, res info/image or
/// the status, and valid/test lines for the params (syntax) and info (planning) checks.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class RequestLogTests
{
    [Test]
    public async Task Requests_LogRouteResultAndValidation()
    {
        await using var server = await IiifTestServer.StartAsync(["--logging:level=Debug"]);
        await server.GetAsync("/iiif/3/square-jp2/info.json");
        await server.GetAsync("/iiif/3/square-jp2/full/100,/0/default.jpg");
        await server.GetAsync("/iiif/3/square-jp2");
        await server.GetAsync("/iiif/3/square-jp2/full/1200,/0/default.jpg");
        await server.GetAsync("/iiif/3/square-jp2/full/abc/0/default.jpg");

        var lines = await server.StopAndReadLogAsync();

        var requests = lines.Where(l => Text(l, "EventName") is "RequestCompleted" or "RequestCompletedCached")
            .Select(l => (Text(l, "route"), Text(l, "res"))).ToList();
        var cached = lines.Single(l => Text(l, "EventName") == "RequestCompletedCached");
        var checks = lines.Where(l => Text(l, "EventName") == "RequestValidated")
            .Select(l => (Text(l, "test"), l.GetProperty("valid").GetBoolean())).ToList();
        Assert.That(requests, Is.EqualTo(new[]
        {
            ("info", "info"), ("image", "image"), ("redirect", "303"), ("image", "400"), ("image", "400"),
        }));
        Assert.That(checks, Is.EqualTo(new[]
        {
            ("info", true), ("params", true), ("info", true), ("params", true), ("info", false), ("params", false),
        }));
        Assert.That((Text(cached, "cache"), Text(cached, "found"), Text(cached, "tier")), Is.EqualTo(("image", "miss", "rendered")));
    }

    private static string? Text(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

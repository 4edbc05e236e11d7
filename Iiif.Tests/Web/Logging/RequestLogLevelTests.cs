using System.Text.Json;
using Iiif.Tests.Web.ImageApi;

namespace Iiif.Tests.Web.Logging;

/// <summary>logging.requests decides which successful requests get an Info line; failures always do.</summary>
[TestFixture]
[Category("Integration")]
public class RequestLogLevelTests
{
    private const string Tile = "/iiif/3/square-jp2/full/100,/0/default.jpg";

    [TestCase("all", 2)]
    [TestCase("misses", 1)]
    [TestCase("errors", 0)]
    [Description("A cache hit is logged at Info only with 'all'; the render (a miss) with 'all' and 'misses'.")]
    public async Task Requests_Setting_DecidesWhichSuccessesAreLoggedAtInfo(string setting, int expectedImageLines)
    {
        await using var server = await IiifTestServer.StartAsync(["--logging:requests=" + setting]);
        await server.GetAsync(Tile);
        await server.GetAsync(Tile);
        await server.GetAsync("/iiif/3/square-jp2/full/abc/0/default.jpg");

        var lines = await server.StopAndReadLogAsync();
        var requestLines = lines.Where(l => Text(l, "EventName") is "RequestCompleted" or "RequestCompletedCached").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(requestLines.Count(l => Text(l, "res") == "image"), Is.EqualTo(expectedImageLines));
            Assert.That(requestLines.Count(l => Text(l, "res") == "400"), Is.EqualTo(1), "failures are always logged");
        });
    }

    private static string? Text(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

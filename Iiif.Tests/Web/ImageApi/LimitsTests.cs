namespace Iiif.Tests.Web.ImageApi;

/// <summary>Digest §7 rows that need limits or upscaling: a host with limits.maxWidth 600 and one with upscaling on.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class LimitsTests
{
    [TestCase("full/max/0/default.jpg", 200, 600, 600, Description = "§7: max on an image bigger than the limits is scaled down")]
    [TestCase("full/700,/0/default.jpg", 400, 0, 0, Description = "§7: 3.0 size over maxWidth is 400")]
    [TestCase("full/500,/0/default.jpg", 200, 500, 500)]
    public async Task Get_WithMaxWidth_AppliesLimit(string tail, int status, int width, int height)
    {
        await using var server = await IiifTestServer.StartAsync(["--limits:maxWidth=600"]);

        var response = await server.GetAsync("/iiif/3/square-tif/" + tail);

        Assert.That(response.Status, Is.EqualTo(status), response.ToString());
        if (status == 200)
        {
            Assert.That(response.PixelSize(), Is.EqualTo((width, height)));
        }
    }

    [TestCase("3", "full/^1200,/0/default.jpg", 1200, 1200, Description = "§7: ^ sizes with sizeUpscaling are exact")]
    [TestCase("3", "full/^,1200/0/default.jpg", 1200, 1200)]
    [TestCase("3", "full/^1200,1100/0/default.png", 1200, 1100)]
    [TestCase("3", "full/^pct:200/0/default.jpg", 2000, 2000)]
    [TestCase("2", "full/1200,/0/default.jpg", 1200, 1200, Description = "§7: 2.1 sizeAboveFull")]
    public async Task Get_WithUpscaling_ReturnsExactSize(string version, string tail, int width, int height)
    {
        await using var server = await IiifTestServer.StartAsync(["--limits:upscaling=true", "--limits:maxWidth=3000"]);

        var response = await server.GetAsync($"/iiif/{version}/square-jp2/{tail}");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.PixelSize(), Is.EqualTo((width, height)));
    }
}

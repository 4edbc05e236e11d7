namespace Iiif.Tests.Web.ImageApi;

/// <summary>Rows that need other limits than the defaults: a host with limits.maxWidth 600, one with upscaling and
/// maxWidth 3000, one without upscaling, and one with a tiny output cap.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class LimitsTests
{
    [TestCase("full/max/0/default.jpg", 200, 600, 600, Description = "Edge case: max on an image bigger than the limits is scaled down")]
    [TestCase("full/700,/0/default.jpg", 400, 0, 0, Description = "Edge case: 3.0 size over maxWidth is 400")]
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

    [TestCase("3", "full/^1200,/0/default.jpg", 1200, 1200, Description = "Edge case: ^ sizes with sizeUpscaling are exact")]
    [TestCase("3", "full/^,1200/0/default.jpg", 1200, 1200)]
    [TestCase("3", "full/^1200,1100/0/default.png", 1200, 1100)]
    [TestCase("3", "full/^pct:200/0/default.jpg", 2000, 2000)]
    [TestCase("2", "full/1200,/0/default.jpg", 1200, 1200, Description = "Edge case: 2.1 sizeAboveFull")]
    [TestCase("2", "full/!2000,3000/0/default.jpg", 2000, 2000, Description = "2.1 !w,h fits the box, upscaled up to the factor")]
    [TestCase("3", "full/^max/0/default.jpg", 3000, 3000,
        Description = "^max is as large as maxWidth/maxHeight/maxArea permit, not the upscale factor (https://iiif.io/api/image/3.0/#42-size)")]
    public async Task Get_WithUpscaling_ReturnsExactSize(string version, string tail, int width, int height)
    {
        await using var server = await IiifTestServer.StartAsync(["--limits:upscaling=true", "--limits:maxWidth=3000"]);

        var response = await server.GetAsync($"/iiif/{version}/square-jp2/{tail}");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.PixelSize(), Is.EqualTo((width, height)));
    }

    [TestCase("3", "full/^1200,/0/default.jpg", 501, Description = "Edge case: ^ upscaling without sizeUpscaling is 501")]
    [TestCase("3", "full/^,1200/0/default.jpg", 501)]
    [TestCase("3", "full/^1200,1200/0/default.jpg", 501)]
    [TestCase("3", "full/^pct:200/0/default.jpg", 501)]
    [TestCase("3", "full/^!2000,3000/0/default.jpg", 501)]
    [TestCase("3", "full/^max/0/default.jpg", 501)]
    [TestCase("2", "full/1200,/0/default.jpg", 400, Description = "Edge case: 2.1 above full without sizeAboveFull")]
    [TestCase("2", "full/!2000,3000/0/default.jpg", 200, Description = "Edge case: 2.1 !w,h returns the region")]
    public async Task Get_WithoutUpscaling_RefusesLargerThanRegion(string version, string tail, int status)
    {
        await using var server = await IiifTestServer.StartAsync(["--limits:upscaling=false"]);

        var response = await server.GetAsync($"/iiif/{version}/square-jp2/{tail}");

        Assert.That(response.Status, Is.EqualTo(status), response.ToString());
        if (status == 200)
        {
            Assert.That(response.PixelSize(), Is.EqualTo((1000, 1000)));
        }
    }

    [TestCase("full/max/0/default.png", 400, Description = "1000x1000 colour png: up to 3 MB, over the 1 MB cap")]
    [TestCase("full/max/0/gray.png", 200, Description = "gray: one sample a pixel, 1 MB")]
    [TestCase("full/max/0/default.jpg", 200, Description = "jpg: counted at a third of uncompressed")]
    [TestCase("full/max/0/default.tif", 400)]
    [Description("limits.maxOutputMegabytes refuses an output before decoding by its estimated encoded size.")]
    public async Task Get_OverOutputCap_Refused(string tail, int status)
    {
        await using var server = await IiifTestServer.StartAsync(["--limits:maxOutputMegabytes=1"]);

        var response = await server.GetAsync("/iiif/3/square-jp2/" + tail);

        Assert.That(response.Status, Is.EqualTo(status), response.ToString());
        if (status == 400)
        {
            Assert.That(response.Text, Does.Contain("limit for one image"));
        }
    }
}

namespace Iiif.Tests.Web.ImageApi;

/// <summary>The request table on a real host, for a JPEG 2000, a strip TIFF and a tiled pyramidal TIFF source: status and
/// decoded output size of each row, in both API versions.</summary>
[TestFixture(IiifTestImages.SquareJp2, IiifTestImages.WideJp2)]
[TestFixture(IiifTestImages.SquareTif, IiifTestImages.WideTif)]
[TestFixture(IiifTestImages.SquarePtif, IiifTestImages.WidePtif)]
[Category("Integration")]
[NonParallelizable]
public class ImageEdgeCaseTests(string square, string wide)
{
    private IiifTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await IiifTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("3", "900,900,200,200/max/0/default.jpg", 100, 100, Description = "Edge case: region clipped at the edge")]
    [TestCase("3", "pct:90,90,20,20/max/0/default.jpg", 100, 100, Description = "Edge case: pct region clipped")]
    [TestCase("2", "900,900,200,200/full/0/default.jpg", 100, 100)]
    [TestCase("3", "full/400,700/0/default.jpg", 400, 700, Description = "Edge case: w,h distorts to exactly w x h")]
    [TestCase("2", "full/400,700/0/default.jpg", 400, 700)]
    [TestCase("3", "full/300,/0/default.jpg", 300, 300, Description = "Edge case: w, gives the exact width")]
    [TestCase("3", "full/,300/0/default.png", 300, 300, Description = "Edge case: ,h gives the exact height")]
    [TestCase("3", "full/^!2000,500/0/default.jpg", 500, 500, Description = "Edge case: ^!w,h fits inside the box")]
    [TestCase("3", "full/^pct:50/0/default.jpg", 500, 500, Description = "Edge case: ^ does not force upscaling")]
    [TestCase("2", "full/full/0/default.jpg", 1000, 1000)]
    [TestCase("3", "full/max/360/default.jpg", 1000, 1000, Description = "Edge case: rotation 360 is valid")]
    [TestCase("3", "full/max/!180/color.jpg", 1000, 1000, Description = "Edge case: color is always served")]
    [TestCase("3", "0,0,256,256/128,/0/gray.png", 128, 128)]
    [TestCase("3", "full/125,/0/bitonal.gif", 125, 125)]
    public async Task Image_ValidRequest_ReturnsExactSize(string version, string tail, int width, int height)
    {
        var response = await _server.GetAsync($"/iiif/{version}/{square}/{tail}");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.PixelSize(), Is.EqualTo((width, height)));
    }

    [TestCase("square/max/0/default.jpg", 800, 800, Description = "Edge case: square on 1000x800")]
    [TestCase("full/max/90/default.jpg", 800, 1000, Description = "Edge case: rotation 90 on 1000x800")]
    [TestCase("full/max/270/default.png", 800, 1000)]
    [TestCase("full/pct:10/180/default.webp", 100, 80)]
    public async Task Image_WideSource_ReturnsExactSize(string tail, int width, int height)
    {
        var response = await _server.GetAsync($"/iiif/3/{wide}/{tail}");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.PixelSize(), Is.EqualTo((width, height)));
    }

    [TestCase("3", "1000,0,10,10/max/0/default.jpg", 400, Description = "Edge case: region entirely outside")]
    [TestCase("3", "0,1000,10,10/max/0/default.jpg", 400)]
    [TestCase("3", "0,0,0,10/max/0/default.jpg", 400, Description = "Edge case: zero-width region")]
    [TestCase("3", "pct:0,0,0,50/max/0/default.jpg", 400)]
    [TestCase("3", "-1,0,10,10/max/0/default.jpg", 400, Description = "Edge case: malformed region")]
    [TestCase("3", "1.5,0,10,10/max/0/default.jpg", 400)]
    [TestCase("3", "0,0,10/max/0/default.jpg", 400)]
    [TestCase("3", "full/0,/0/default.jpg", 400, Description = "Edge case: size computing to 0 px")]
    [TestCase("3", "full/,0/0/default.jpg", 400)]
    [TestCase("3", "full/0,0/0/default.jpg", 400)]
    [TestCase("3", "full/pct:0/0/default.jpg", 400)]
    [TestCase("3", "full/!0,0/0/default.jpg", 400)]
    [TestCase("3", "full/full/0/default.jpg", 400, Description = "Edge case: 3.0 size full is invalid")]
    [TestCase("3", "full/1200,/0/default.jpg", 400, Description = "Edge case: 3.0 size beyond the region without ^")]
    [TestCase("3", "full/,1200/0/default.jpg", 400)]
    [TestCase("3", "full/1200,1200/0/default.jpg", 400)]
    [TestCase("3", "full/pct:150/0/default.jpg", 400)]
    [TestCase("3", "full/!2000,3000/0/default.jpg", 400, Description = "The validator's size_noup (https://github.com/IIIF/image-validator)")]
    [TestCase("3", "full/^2001,/0/default.jpg", 400, Description = "^ beyond limits.upscaleFactor (2) is 400")]
    [TestCase("3", "full/max/361/default.jpg", 400, Description = "Edge case: rotation out of range or malformed")]
    [TestCase("3", "full/max/-90/default.jpg", 400)]
    [TestCase("3", "full/max/abc/default.jpg", 400)]
    [TestCase("3", "full/max/+90/default.jpg", 400)]
    [TestCase("3", "full/max/!/default.jpg", 400)]
    [TestCase("3", "full/max/0/grey.jpg", 400, Description = "Edge case: only gray exists")]
    [TestCase("3", "full/max/0/native.jpg", 400)]
    [TestCase("2", "full/max/0/grey.jpg", 400)]
    [TestCase("3", "full/max/0/default.jpeg", 400, Description = "Edge case: exact lower-case extensions")]
    [TestCase("3", "full/max/0/default.tiff", 400)]
    [TestCase("3", "full/max/0/default.JPG", 400)]
    [TestCase("3", "full/max/0/default.xyz", 400, Description = "Edge case: random 3-char format")]
    public async Task Image_InvalidRequest_ReturnsStatus(string version, string tail, int status)
    {
        var response = await _server.GetAsync($"/iiif/{version}/{square}/{tail}");

        Assert.That(response.Status, Is.EqualTo(status), response.ToString());
        Assert.That(response.Header("Content-Type"), Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
    }

    [TestCase("a:;<=>/max/0/default.jpg", Description = "Validator edge case: junk region reaches the parser: 400 exactly")]
    [TestCase("@[\\]^_/max/0/default.jpg")]
    [TestCase("`x`;`=/max/0/default.jpg")]
    [TestCase("full/<=>@[]/0/default.jpg", Description = "junk size")]
    [TestCase("full/max/^_`;/default.jpg", Description = "junk rotation")]
    [TestCase("full/max/0/[\\]^_`.jpg", Description = "junk quality")]
    [TestCase("full/max/0/%5B%5C%5D%5E%60:.jpg", Description = "percent-encoded junk quality")]
    public async Task Image_JunkCharacters_Returns400(string tail)
    {
        foreach (var version in new[] { "2", "3" })
        {
            var response = await _server.GetAsync($"/iiif/{version}/{square}/{tail}");

            Assert.That(response.Status, Is.EqualTo(400), $"{version}: {response}");
        }
    }

    [TestCase("jpg", "image/jpeg")]
    [TestCase("png", "image/png")]
    [TestCase("gif", "image/gif")]
    [TestCase("webp", "image/webp")]
    [TestCase("tif", "image/tiff")]
    public async Task Image_EachFormat_HasItsMediaTypeAndSize(string extension, string mediaType)
    {
        var response = await _server.GetAsync($"/iiif/3/{wide}/full/200,/0/default.{extension}");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.Header("Content-Type"), Is.EqualTo(mediaType));
        Assert.That(response.PixelSize(), Is.EqualTo((200, 160)));
        Assert.That(response.Header("Content-Length"), Is.EqualTo(response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Image_Pdf_IsApplicationPdf()
    {
        var response = await _server.GetAsync($"/iiif/3/{wide}/full/200,/0/default.pdf");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.Header("Content-Type"), Is.EqualTo("application/pdf"));
        Assert.That(response.Text, Does.StartWith("%PDF-"));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#45-format: jp2 is served as image/jp2, encoded by OpenJPEG; our own reader decodes it at the requested size")]
    public async Task Image_Jp2_IsImageJp2AndDecodes()
    {
        var response = await _server.GetAsync($"/iiif/3/{wide}/full/200,/0/default.jp2");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.Header("Content-Type"), Is.EqualTo("image/jp2"));
        using var stream = new MemoryStream(response.Body);
        var facts = Iiif.Imaging.Jpeg2000.Jpeg2000Reader.ReadFacts(stream);
        Assert.That((facts.Width, facts.Height), Is.EqualTo((200, 160)));
    }
}

using Iiif.Core.Requests;
using Iiif.Imaging.Encoding;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Encoding;

[TestFixture]
public class PdfOutputEncoderTests
{
    [TestCase("color", "/DeviceRGB")]
    [TestCase("gray", "/DeviceGray")]
    [Description("https://iiif.io/api/image/3.0/#45-format pdf: a one-page PDF whose page is the image, embedded as a JPEG (DCTDecode) image XObject.")]
    public async Task EncodeAsync_Image_OnePagePdfWithJpegXObject(string kind, string colourSpace)
    {
        using Image image = kind == "gray" ? Solid(30, 20, new L8(90)) : Quadrants(30, 20);

        using var encoded = await TestCatalogs.EncodeAsync(TestCatalogs.Create(), image, ImageFormat.Pdf);

        Assert.That(System.Text.Encoding.ASCII.GetString(encoded.ToArray(), 0, 5), Is.EqualTo("%PDF-"));
        using var document = PdfReader.Open(encoded, PdfDocumentOpenMode.Import);
        Assert.That(document.PageCount, Is.EqualTo(1));
        var page = document.Pages[0];
        Assert.That(page.Width.Point, Is.EqualTo(30).Within(1e-6), "72 dpi: one pixel is one point");
        Assert.That(page.Height.Point, Is.EqualTo(20).Within(1e-6));

        var xObject = SingleImageXObject(page);
        Assert.That(xObject.Elements.GetName("/Subtype"), Is.EqualTo("/Image"));
        Assert.That(xObject.Elements["/Filter"]?.ToString(), Is.EqualTo("/DCTDecode"));
        Assert.That(xObject.Elements.GetInteger("/Width"), Is.EqualTo(30));
        Assert.That(xObject.Elements.GetInteger("/Height"), Is.EqualTo(20));
        Assert.That(xObject.Elements["/ColorSpace"]?.ToString(), Is.EqualTo(colourSpace));
        var jpegBytes = xObject.Stream.Value;
        Assert.That(jpegBytes.Take(2), Is.EqualTo(new byte[] { 0xFF, 0xD8 }), "the embedded stream is the JPEG itself");
    }

    [Test]
    [Description("PDFsharp refuses some one-pixel gray JPEGs (its marker walk runs off the end); every value still gives a gray one-pixel page.")]
    public async Task EncodeAsync_EveryOnePixelGray_OnePixelGrayPage()
    {
        var catalog = TestCatalogs.Create();
        for (var value = 0; value < 256; value++)
        {
            using var image = Solid(1, 1, new L8((byte)value));

            using var encoded = await TestCatalogs.EncodeAsync(catalog, image, ImageFormat.Pdf);

            using var document = PdfReader.Open(encoded, PdfDocumentOpenMode.Import);
            var xObject = SingleImageXObject(document.Pages[0]);
            Assert.That((xObject.Elements.GetInteger("/Width"), xObject.Elements.GetInteger("/Height")), Is.EqualTo((1, 1)), $"gray {value}");
            Assert.That(xObject.Elements["/ColorSpace"]?.ToString(), Is.EqualTo("/DeviceGray"), $"gray {value}");
        }
    }

    [Test]
    public async Task EncodeAsync_PdfDpi_ScalesThePage()
    {
        var catalog = TestCatalogs.Create(new EncodingOptions { PdfDpi = 144 });
        using var image = Quadrants(30, 20);

        using var encoded = await TestCatalogs.EncodeAsync(catalog, image, ImageFormat.Pdf);

        using var document = PdfReader.Open(encoded, PdfDocumentOpenMode.Import);
        Assert.That(document.Pages[0].Width.Point, Is.EqualTo(15).Within(1e-6));
        Assert.That(document.Pages[0].Height.Point, Is.EqualTo(10).Within(1e-6));
    }

    [Test]
    [Description("PDF 1.7 Annex C: pages beyond 14 400 points a side are scaled down, keeping the aspect ratio.")]
    public void PageSize_HugeImage_CappedAtPdfLimit()
    {
        var encoder = new PdfOutputEncoder(new EncodingOptions());

        var (width, height) = encoder.PageSize(28_800, 7_200);

        Assert.That(width, Is.EqualTo(14_400).Within(1e-6));
        Assert.That(height, Is.EqualTo(3_600).Within(1e-6));
    }

    [Test]
    public void EncodeAsync_Cancelled_Throws()
    {
        using var image = Quadrants(30, 20);
        using var destination = new MemoryStream();

        Assert.CatchAsync<OperationCanceledException>(() => TestCatalogs.Create()
            .EncodeAsync(image, ImageFormat.Pdf, destination, new CancellationToken(canceled: true)));
    }

    private static PdfDictionary SingleImageXObject(PdfPage page)
    {
        var xObjects = page.Resources.Elements.GetDictionary("/XObject");
        Assert.That(xObjects, Is.Not.Null);
        Assert.That(xObjects!.Elements.Keys, Has.Count.EqualTo(1));
        var reference = xObjects.Elements.GetReference(xObjects.Elements.Keys.Single());
        return (PdfDictionary)reference!.Value;
    }
}

using Iiif.Core.Requests;
using Iiif.Imaging.Encoding;
using Moq;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Encoding;

[TestFixture]
public class EncoderCatalogTests
{
    [TestCase(ImageFormat.Jpg, "image/jpeg")]
    [TestCase(ImageFormat.Png, "image/png")]
    [TestCase(ImageFormat.Gif, "image/gif")]
    [TestCase(ImageFormat.Webp, "image/webp")]
    [TestCase(ImageFormat.Tif, "image/tiff")]
    [TestCase(ImageFormat.Jp2, "image/jp2")]
    [TestCase(ImageFormat.Pdf, "application/pdf")]
    [Description("https://iiif.io/api/image/3.0/#45-format: the Content-Type must be the listed type for the extension.")]
    public void MediaType_EveryFormat_IsTheSpecType(ImageFormat format, string expected)
    {
        Assert.That(TestCatalogs.Create().MediaType(format), Is.EqualTo(expected));
    }

    [Test]
    [Description("jp2 is offered only once a JPEG 2000 encoder is registered; every other format always.")]
    public void AvailableFormats_NoJp2Encoder_AllButJp2()
    {
        var catalog = TestCatalogs.Create();

        Assert.That(catalog.IsAvailable(ImageFormat.Jp2), Is.False);
        Assert.That(catalog.AvailableFormats, Is.EqualTo(new[]
        {
            ImageFormat.Jpg, ImageFormat.Png, ImageFormat.Gif, ImageFormat.Webp, ImageFormat.Tif, ImageFormat.Pdf,
        }));
    }

    [Test]
    public void EncodeAsync_Jp2WithoutEncoder_ThrowsNotSupportedAndWritesNothing()
    {
        var catalog = TestCatalogs.Create();
        using var image = Quadrants(8, 8);
        using var destination = new MemoryStream();

        var error = Assert.ThrowsAsync<NotSupportedException>(
            () => catalog.EncodeAsync(image, ImageFormat.Jp2, destination, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("jp2"));
        Assert.That(destination.Length, Is.Zero);
    }

    [Test]
    public async Task EncodeAsync_Jp2WithRegisteredEncoder_DelegatesToIt()
    {
        var jp2 = new Mock<IJp2OutputEncoder>();
        var catalog = TestCatalogs.Create(null, jp2.Object);
        using var image = Quadrants(8, 8);
        using var destination = new MemoryStream();
        using var cancellation = new CancellationTokenSource();

        await catalog.EncodeAsync(image, ImageFormat.Jp2, destination, cancellation.Token);

        Assert.That(catalog.IsAvailable(ImageFormat.Jp2), Is.True);
        Assert.That(catalog.AvailableFormats, Does.Contain(ImageFormat.Jp2));
        jp2.Verify(e => e.EncodeAsync(image, destination, cancellation.Token), Times.Once);
    }

    [TestCase(ImageFormat.Jpg)]
    [TestCase(ImageFormat.Png)]
    [TestCase(ImageFormat.Gif)]
    [TestCase(ImageFormat.Webp)]
    [TestCase(ImageFormat.Tif)]
    [Description("https://iiif.io/api/image/3.0/#45-format: each format's bytes decode back as that format, at the image's size.")]
    public async Task EncodeAsync_ImageSharpFormats_DecodeBackAsTheFormat(ImageFormat format)
    {
        var catalog = TestCatalogs.Create();
        foreach (Image image in new Image[]
        {
            Quadrants(12, 7), Solid(12, 7, new L8(90)), Solid(12, 7, new La16(90, 40)), Solid(12, 7, new Rgba32(1, 2, 3, 4)),
        })
        {
            using (image)
            {
                using var encoded = await TestCatalogs.EncodeAsync(catalog, image, format);

                var info = Image.Identify(TestConfiguration, encoded, out var detected);

                Assert.That(detected?.DefaultMimeType, Is.EqualTo(catalog.MediaType(format)), image.GetType().Name);
                Assert.That(info.Width, Is.EqualTo(12));
                Assert.That(info.Height, Is.EqualTo(7));
            }
        }
    }

    [TestCase(40)]
    [TestCase(60)]
    [TestCase(95)]
    [Description("EncodingOptions.JpegQuality reaches the encoder (ImageSharp estimates it back from the tables).")]
    public async Task EncodeAsync_JpegQuality_IsApplied(int quality)
    {
        var catalog = TestCatalogs.Create(new EncodingOptions { JpegQuality = quality });
        using var image = Quadrants(16, 16);

        using var encoded = await TestCatalogs.EncodeAsync(catalog, image, ImageFormat.Jpg);

        var info = Image.Identify(TestConfiguration, encoded);
        Assert.That(info.Metadata.GetJpegMetadata().Quality, Is.EqualTo(quality).Within(1));
    }

    [Test]
    [Description("Gray output is written as one-channel JPEG, not three equal channels.")]
    public async Task EncodeAsync_GrayJpeg_IsLuminanceOnly()
    {
        using var image = Solid(16, 16, new L8(90));

        using var encoded = await TestCatalogs.EncodeAsync(TestCatalogs.Create(), image, ImageFormat.Jpg);

        var info = Image.Identify(TestConfiguration, encoded);
        Assert.That(info.Metadata.GetJpegMetadata().ColorType, Is.EqualTo(JpegColorType.Luminance));
    }

    [Test]
    [Description("ImageSharp 2.1.13 writes the ICC profile into jpg (documented on EncoderCatalog).")]
    public async Task EncodeAsync_JpegWithIccProfile_KeepsProfile()
    {
        using var image = Quadrants(8, 8);
        image.Metadata.IccProfile = new SixLabors.ImageSharp.Metadata.Profiles.Icc.IccProfile(TestIccProfiles.MinimalRgb());

        using var encoded = await TestCatalogs.EncodeAsync(TestCatalogs.Create(), image, ImageFormat.Jpg);

        using var decoded = Image.Load(TestConfiguration, encoded);
        Assert.That(decoded.Metadata.IccProfile?.ToByteArray(), Is.EqualTo(TestIccProfiles.MinimalRgb()));
    }

    [Test]
    [Description("jpg goes through TurboJPEG with the configured quality and scan mode.")]
    public void Constructor_Jpeg_IsTurboJpegWithTheSettings()
    {
        var catalog = TestCatalogs.Create(new EncodingOptions { JpegQuality = 77, JpegProgressive = true });

        var encoder = ((TurboJpegOutputEncoder)catalog.EncoderFor(ImageFormat.Jpg)).Encoder;

        Assert.That(encoder.Settings, Is.EqualTo(new Iiif.Imaging.Jpeg.JpegEncoderSettings(77, Progressive: true)));
    }

    [Test]
    [Description("Derivative cache keys carry the fingerprint: every setting that changes output bytes changes it.")]
    public void Fingerprint_EveryByteChangingSetting_ChangesIt()
    {
        var baseline = TestCatalogs.Create().Fingerprint;
        var variants = new[]
        {
            TestCatalogs.Create(new EncodingOptions { JpegQuality = 86 }),
            TestCatalogs.Create(new EncodingOptions { JpegProgressive = true }),
            TestCatalogs.Create(new EncodingOptions { PngCompressionLevel = 4 }),
            TestCatalogs.Create(new EncodingOptions { WebpQuality = 81 }),
            TestCatalogs.Create(new EncodingOptions { WebpLossless = true }),
            TestCatalogs.Create(new EncodingOptions { PdfJpegQuality = 80 }),
            TestCatalogs.Create(new EncodingOptions { PdfDpi = 300 }),
            TestCatalogs.Create(null, new Mock<IJp2OutputEncoder>().Object),
        }.Select(c => c.Fingerprint).ToList();

        Assert.That(TestCatalogs.Create().Fingerprint, Is.EqualTo(baseline), "stable for the same settings");
        Assert.That(variants.Prepend(baseline), Is.Unique);
    }

    [Test]
    public void Constructor_PngLevel_IsApplied()
    {
        var catalog = TestCatalogs.Create(new EncodingOptions { PngCompressionLevel = 2 });

        var encoder = ((ImageSharpOutputEncoder)catalog.EncoderFor(ImageFormat.Png)).Encoder;

        Assert.That(((PngEncoder)encoder).CompressionLevel, Is.EqualTo(PngCompressionLevel.Level2));
    }

    [TestCase(false, WebpFileFormatType.Lossy)]
    [TestCase(true, WebpFileFormatType.Lossless)]
    public async Task EncodeAsync_WebpLossless_ChoosesTheBitstream(bool lossless, WebpFileFormatType expected)
    {
        var catalog = TestCatalogs.Create(new EncodingOptions { WebpLossless = lossless });
        using var image = Quadrants(16, 16);

        using var encoded = await TestCatalogs.EncodeAsync(catalog, image, ImageFormat.Webp);

        var info = Image.Identify(TestConfiguration, encoded);
        Assert.That(info.Metadata.GetWebpMetadata().FileFormat, Is.EqualTo(expected));
    }

    [TestCase(0, 3, 80, 72, 85)]
    [TestCase(101, 3, 80, 72, 85)]
    [TestCase(85, -1, 80, 72, 85)]
    [TestCase(85, 10, 80, 72, 85)]
    [TestCase(85, 3, 101, 72, 85)]
    [TestCase(85, 3, 80, 0, 85)]
    [TestCase(85, 3, 80, 72, 0)]
    public void Constructor_OptionOutOfRange_Throws(int jpeg, int png, int webp, int dpi, int pdfJpeg)
    {
        var options = new EncodingOptions
        {
            JpegQuality = jpeg, PngCompressionLevel = png, WebpQuality = webp, PdfDpi = dpi, PdfJpegQuality = pdfJpeg,
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => TestCatalogs.Create(options));
    }
}

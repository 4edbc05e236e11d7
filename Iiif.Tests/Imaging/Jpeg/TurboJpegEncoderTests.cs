using Iiif.Imaging.Jpeg;
using Iiif.Tests.Imaging.Decoding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Jpeg;

[TestFixture]
public class TurboJpegEncoderTests
{
    [Test]
    [Description("Derivative cache keys and ETags assume a request always renders to the same bytes.")]
    public void Encode_SameImageWithSeparateEncoders_GivesIdenticalBytes()
    {
        using var image = SourceImages.Coordinates(300, 200);

        var first = JpegTestFiles.Turbo(image);
        var second = JpegTestFiles.Turbo(image);
        var progressive = JpegTestFiles.Turbo(image, progressive: true);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(JpegTestFiles.Turbo(image, progressive: true), Is.EqualTo(progressive));
    }

    [Test]
    public async Task Encode_PooledCompressorsUnderConcurrency_GiveIdenticalBytes()
    {
        using var pool = new JpegCompressorPool();
        var encoder = new TurboJpegEncoder(new JpegEncoderSettings(85, false), pool);
        using var big = SourceImages.Coordinates(700, 500);
        using var small = SourceImages.Coordinates(64, 48);
        var expectedBig = JpegTestFiles.Turbo(big);
        var expectedSmall = JpegTestFiles.Turbo(small);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            using var output = new MemoryStream();
            encoder.Encode(i % 2 == 0 ? big : small, output);
            return (i, output.ToArray());
        })));

        foreach (var (i, bytes) in results)
        {
            Assert.That(bytes, Is.EqualTo(i % 2 == 0 ? expectedBig : expectedSmall), $"encode {i}");
        }
    }

    [TestCase(40)]
    [TestCase(85)]
    [TestCase(95)]
    [Description("The quality scales the standard tables (ImageSharp estimates it back from them).")]
    public void Encode_Quality_IsApplied(int quality)
    {
        using var image = SourceImages.Coordinates(64, 64);

        var info = Image.Identify(TestConfiguration, new MemoryStream(JpegTestFiles.Turbo(image, quality)));

        Assert.That(info.Metadata.GetJpegMetadata().Quality, Is.EqualTo(quality).Within(1));
    }

    [TestCase(85, 0x22)]
    [TestCase(90, 0x22)]
    [TestCase(91, 0x11)]
    [TestCase(100, 0x11)]
    [Description("Chroma is subsampled 4:2:0 up to quality 90 and kept whole above, as ImageSharp 2.1.13 chose.")]
    public void Encode_Colour_SubsamplesAsImageSharpDid(int quality, int lumaSampling)
    {
        using var image = SourceImages.Coordinates(64, 64);
        using var reference = new MemoryStream();
        image.SaveAsJpeg(reference, new JpegEncoder { Quality = quality });

        var ours = JpegTestFiles.Turbo(image, quality);

        Assert.That(LumaSampling(ours), Is.EqualTo(lumaSampling));
        Assert.That(LumaSampling(reference.ToArray()), Is.EqualTo(lumaSampling), "ImageSharp's own choice");
    }

    [Test]
    [Description("Gray output stays one-channel JPEG.")]
    public void Encode_Gray_IsOneComponent()
    {
        using var image = Solid(32, 32, new L8(90));

        var jpeg = JpegTestFiles.Turbo(image);

        Assert.That(JpegTestFiles.Frame(jpeg).ComponentCount, Is.EqualTo(1));
        Assert.That(Image.Identify(TestConfiguration, new MemoryStream(jpeg)).Metadata.GetJpegMetadata().ColorType, Is.EqualTo(JpegColorType.Luminance));
    }

    [TestCase(false, 0xC0)]
    [TestCase(true, 0xC2)]
    public void Encode_ProgressiveSetting_ChoosesTheFrameType(bool progressive, int marker)
    {
        using var image = SourceImages.Coordinates(64, 64);

        var jpeg = JpegTestFiles.Turbo(image, progressive: progressive);

        Assert.That(JpegTestFiles.Frame(jpeg).Marker, Is.EqualTo(marker));
        using var decoded = Image.Load<Rgb24>(TestConfiguration, jpeg);
        Assert.That(decoded.Size(), Is.EqualTo(image.Size()));
    }

    [TestCase(132)]
    [TestCase(65_519)]
    [TestCase(200_000)]
    [Description("The ICC profile travels in APP2 chunks (ICC.1 Annex B.4), split when over one segment.")]
    public void Encode_IccProfile_ReadsBackByteForByte(int length)
    {
        var profile = JpegTestFiles.IccProfile(length);
        using var image = JpegTestFiles.WithIcc(SourceImages.Coordinates(40, 30), profile);

        var jpeg = JpegTestFiles.Turbo(image);

        Assert.That(JpegMarkerReader.Read(jpeg)?.IccProfile, Is.EqualTo(profile));
        using var decoded = Image.Load(TestConfiguration, jpeg);
        Assert.That(decoded.Metadata.IccProfile?.ToByteArray(), Is.EqualTo(profile), "as ImageSharp reads it");
    }

    [TestCase(PixelResolutionUnit.PixelsPerInch, 300.4, 150.6)]
    [TestCase(PixelResolutionUnit.PixelsPerCentimeter, 40, 40)]
    [TestCase(PixelResolutionUnit.PixelsPerMeter, 3780, 3780)]
    [TestCase(PixelResolutionUnit.AspectRatio, 2, 1)]
    [Description("The JFIF segment carries the density ImageSharp's encoder wrote for the same metadata.")]
    public void Encode_Density_MatchesImageSharpsJfifSegment(PixelResolutionUnit units, double x, double y)
    {
        using var image = SourceImages.Coordinates(16, 16);
        image.Metadata.ResolutionUnits = units;
        image.Metadata.HorizontalResolution = x;
        image.Metadata.VerticalResolution = y;
        using var reference = new MemoryStream();
        image.SaveAsJpeg(reference, new JpegEncoder { Quality = 85 });

        var ours = JpegTestFiles.Turbo(image);

        Assert.That(ours.AsSpan(0, 20).ToArray(), Is.EqualTo(reference.ToArray().AsSpan(0, 20).ToArray()));
    }

    [Test]
    [Description("Images ImageSharp keeps in several buffers are copied into one block first; the bytes are the same.")]
    public void Encode_DiscontiguousImage_SameBytesAsContiguous()
    {
        using var image = SourceImages.Coordinates(2000, 1500);
        if (image.DangerousTryGetSinglePixelMemory(out _))
        {
            Assert.Inconclusive("This ImageSharp configuration keeps a 2000x1500 image in one buffer.");
        }

        var contiguousConfiguration = TestConfiguration.Clone();
        contiguousConfiguration.PreferContiguousImageBuffers = true;
        using var contiguous = image.Clone(contiguousConfiguration);
        Assert.That(contiguous.DangerousTryGetSinglePixelMemory(out _), Is.True);

        Assert.That(JpegTestFiles.Turbo(image), Is.EqualTo(JpegTestFiles.Turbo(contiguous)));
    }

    [Test]
    [Description("Alpha is dropped (JPEG has none): La16 becomes gray, Rgba32 colour.")]
    public void Encode_AlphaTypes_AreConvertedToGrayOrColour()
    {
        using var grayAlpha = Solid(8, 8, new La16(90, 40));
        using var rgba = Solid(8, 8, new Rgba32(10, 200, 30, 128));

        Assert.That(JpegTestFiles.Frame(JpegTestFiles.Turbo(grayAlpha)).ComponentCount, Is.EqualTo(1));
        Assert.That(JpegTestFiles.Frame(JpegTestFiles.Turbo(rgba)).ComponentCount, Is.EqualTo(3));
    }

    [Test]
    public void Constructor_QualityOutOfRange_Throws()
    {
        using var pool = new JpegCompressorPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TurboJpegEncoder(new JpegEncoderSettings(0, false), pool));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TurboJpegEncoder(new JpegEncoderSettings(101, false), pool));
    }

    [Test]
    [Description("The fingerprint names everything that changes the bytes.")]
    public void Fingerprint_DiffersWithQualitySubsamplingAndScanMode()
    {
        var fingerprints = new[]
        {
            new JpegEncoderSettings(85, false), new JpegEncoderSettings(86, false), new JpegEncoderSettings(95, false),
            new JpegEncoderSettings(85, true),
        }.Select(s => s.Fingerprint).ToList();

        Assert.That(fingerprints, Is.Unique);
    }

    // The first component's sampling byte (h << 4 | v) in the frame header.
    private static int LumaSampling(byte[] jpeg)
    {
        for (var i = 2; i + 12 < jpeg.Length;)
        {
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker is 0xC0 or 0xC2)
            {
                return jpeg[i + 11];
            }

            i += 2 + length;
        }

        throw new AssertionException("No frame header.");
    }
}

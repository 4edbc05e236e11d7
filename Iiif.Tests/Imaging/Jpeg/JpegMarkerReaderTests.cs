using Iiif.Imaging.Jpeg;
using Iiif.Tests.Imaging.Decoding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace Iiif.Tests.Imaging.Jpeg;

[TestFixture]
public class JpegMarkerReaderTests
{
    [Test]
    [Description("The frame header of a file ImageSharp wrote: baseline, 8 bits, its size, 4:2:0 (1.5 sample planes).")]
    public void Read_ImageSharpBaseline_ReadsTheFrame()
    {
        using var image = SourceImages.Coordinates(70, 50);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 80 });

        var frame = JpegMarkerReader.Read(stream.ToArray())?.Frame;

        Assert.That(frame, Is.EqualTo(new JpegFrame(0xC0, 8, 70, 50, 3, 1.5)));
        Assert.That(frame!.Value.IsSequential, Is.True);
        Assert.That(frame.Value.CoefficientBytes(70, 50), Is.Zero);
    }

    [Test]
    [Description("Progressive files hold 2 bytes per DCT coefficient of every sample while decoding.")]
    public void Read_Progressive_CountsCoefficientMemory()
    {
        using var image = SourceImages.Coordinates(64, 64);

        var frame = JpegMarkerReader.Read(JpegTestFiles.Turbo(image, progressive: true))!.Value.Frame;

        Assert.That(frame.IsProgressive, Is.True);
        Assert.That(frame.IsSequential, Is.False);
        Assert.That(frame.CoefficientBytes(64, 64), Is.EqualTo(64 * 64 * 3));
    }

    [Test]
    [Description("A profile with a chunk missing is not used (libjpeg's jpeg_read_icc_profile decides the same).")]
    public void Read_IccChunkMissing_GivesNoProfile()
    {
        var profile = JpegTestFiles.IccProfile(150_000);
        using var image = JpegTestFiles.WithIcc(SourceImages.Coordinates(16, 16), profile);
        var jpeg = JpegTestFiles.Turbo(image);
        var withoutSecond = RemoveSegment(jpeg, 0xE2, occurrence: 1);

        Assert.That(JpegMarkerReader.Read(jpeg)?.IccProfile, Is.EqualTo(profile));
        Assert.That(JpegMarkerReader.Read(withoutSecond)?.IccProfile, Is.Null);
        Assert.That(JpegMarkerReader.Read(withoutSecond)?.Frame.Width, Is.EqualTo(16));
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(10)]
    [TestCase(30)]
    [Description("A header cut anywhere before the frame gives nothing rather than reading past the data.")]
    public void Read_TruncatedHeader_GivesNull(int keep)
    {
        using var image = SourceImages.Coordinates(16, 16);
        var jpeg = JpegTestFiles.Turbo(image);

        Assert.That(JpegMarkerReader.Read(jpeg.AsSpan(0, keep)), Is.Null);
    }

    [Test]
    public void Read_NotJpeg_GivesNull()
    {
        Assert.That(JpegMarkerReader.Read("\x89PNG\r\n\x1A\n"u8), Is.Null);
    }

    [Test]
    [Description("The JFIF density is read as written.")]
    public void Read_JfifDensity_IsRead()
    {
        using var image = SourceImages.Coordinates(16, 16);
        image.Metadata.ResolutionUnits = SixLabors.ImageSharp.Metadata.PixelResolutionUnit.PixelsPerInch;
        image.Metadata.HorizontalResolution = 300;
        image.Metadata.VerticalResolution = 200;

        Assert.That(JpegMarkerReader.Read(JpegTestFiles.Turbo(image))?.Density, Is.EqualTo(new JfifDensity(1, 300, 200)));
    }

    // The JPEG with the n-th (from 0) segment of the given marker left out.
    private static byte[] RemoveSegment(byte[] jpeg, byte marker, int occurrence)
    {
        for (int i = 2, seen = 0; i + 4 <= jpeg.Length;)
        {
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (jpeg[i + 1] == marker && seen++ == occurrence)
            {
                return [.. jpeg.AsSpan(0, i), .. jpeg.AsSpan(i + 2 + length)];
            }

            i += 2 + length;
        }

        throw new AssertionException("Segment not found.");
    }
}

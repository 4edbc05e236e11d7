using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>Every component layout, precision and colour space the reader must handle, each decoded from a real file
/// of that kind.</summary>
[TestFixture]
public class Jpeg2000ReaderPixelFormatTests
{
    private static readonly PixelRect Whole320 = new(0, 0, 320, 240);

    private readonly Jpeg2000Reader _reader = new();

    [TestCase(TestImageFactory.Gray, typeof(Image<L8>))]
    [TestCase(TestImageFactory.GrayAlpha, typeof(Image<La16>))]
    [TestCase(TestImageFactory.Rgba, typeof(Image<Rgba32>))]
    [TestCase(TestImageFactory.IccRgba, typeof(Image<Rgba32>))]
    [TestCase(TestImageFactory.Origin, typeof(Image<Rgb24>))]
    public void Decode_EightBitLayouts_ReturnTheMatchingPixelTypeWithExactPixels(string name, Type pixelType)
    {
        using var source = TestImageFactory.Source(name);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(name), Whole320, reduce: 0);

        Assert.That(decoded, Is.InstanceOf(pixelType));
        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source).Samples));
    }

    [Test]
    public void Decode_Gray16_ScalesToEightBitsWithRounding()
    {
        using var source = (Image<L16>)TestImageFactory.Source(TestImageFactory.Gray16);
        var expected = PixelData.From(320, 240, 1, (x, y, _) => Scaled(source[x, y].PackedValue, 16));

        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.Gray16), Whole320, reduce: 0);

        Assert.That(decoded, Is.InstanceOf<Image<L8>>());
        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(expected.Samples));
    }

    [Test]
    public void Decode_Rgb16_ScalesEachChannelToEightBitsWithRounding()
    {
        using var source = (Image<Rgb48>)TestImageFactory.Source(TestImageFactory.Rgb16);
        var expected = PixelData.From(320, 240, 3, (x, y, c) =>
        {
            var p = source[x, y];
            return Scaled(c == 0 ? p.R : c == 1 ? p.G : p.B, 16);
        });

        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.Rgb16), Whole320, reduce: 0);

        Assert.That(decoded, Is.InstanceOf<Image<Rgb24>>());
        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(expected.Samples));
    }

    [TestCase(TestImageFactory.Gray12, 12, 0)]
    [TestCase(TestImageFactory.Gray1, 1, 0)]
    [TestCase(TestImageFactory.Signed12, 12, 2048)]
    [Description("Samples of any precision are scaled to 8 bits as round(v * 255 / (2^p - 1)); signed ones first shifted by 2^(p-1)")]
    public void Decode_OddPrecisionAndSignedPlanes_ScaleToEightBits(string name, int precision, int signedOffset)
    {
        var plane = TestImageFactory.Planes(name).Components[0];
        var samples = plane.Samples.ToArray();
        var expected = PixelData.From(320, 240, 1, (x, y, _) => Scaled(samples[(y * 320) + x] + signedOffset, precision));

        using var decoded = _reader.Decode(TestImageFactory.PathOf(name), Whole320, reduce: 0);

        Assert.That(decoded, Is.InstanceOf<Image<L8>>());
        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(expected.Samples));
    }

    [Test]
    [Description("sYCC 4:2:0: chroma repeated to full resolution and converted to RGB; only chroma subsampling separates it from the source")]
    public void Decode_Sycc420_IsCloseToTheRgbSource()
    {
        using var source = TestImageFactory.Source(TestImageFactory.Sycc420);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.Sycc420), Whole320, reduce: 0);

        Assert.That(decoded, Is.InstanceOf<Image<Rgb24>>());
        Assert.That(PixelData.Of(decoded).MeanAbsoluteError(PixelData.Of(source)), Is.LessThan(2.5));
    }

    [TestCase(0, 3, 3, 1, 1)]
    [TestCase(0, 101, 57, 77, 33)]
    [TestCase(0, 127, 127, 2, 2)]
    [TestCase(1, 33, 17, 101, 99)]
    [TestCase(2, 1, 1, 3, 3)]
    [Description("Subsampled components must line up the same way whatever region is asked for, odd edges included")]
    public void Decode_Sycc420Region_EqualsThatPartOfTheWholeImage(int reduce, int x, int y, int width, int height)
    {
        var path = TestImageFactory.PathOf(TestImageFactory.Sycc420);
        using var whole = _reader.Decode(path, Whole320, reduce);

        using var part = _reader.Decode(path, new PixelRect(x, y, width, height), reduce);

        var scale = 1 << reduce;
        var rect = new PixelRect((x + scale - 1) / scale, (y + scale - 1) / scale, part.Width, part.Height);
        Assert.That(PixelData.Of(part).Samples, Is.EqualTo(PixelData.Of(whole, rect).Samples));
    }

    [TestCase(0, 0, 0, 101, 77)]
    [TestCase(0, 0, 0, 1, 1)]
    [TestCase(0, 1, 1, 1, 1)]
    [TestCase(1, 2, 3, 40, 30)]
    [TestCase(2, 0, 0, 3, 3)]
    [Description("Odd image origin and 4:2:0 chroma together: the first chroma sample lies left of the image")]
    public void Decode_Ycc420AtAnOddOrigin_RegionsEqualThatPartOfTheWholeImage(int reduce, int x, int y, int width, int height)
    {
        using var rgb = SyntheticImages.Rgb(101, 77, seed: 9);
        using var file = new MemoryStream();
        new Jpeg2000Encoder(new Jpeg2000EncoderOptions { OriginX = 37, OriginY = 21, TileSize = 32, Resolutions = 3 })
            .Encode(SyntheticImages.Ycc420(rgb, Jpeg2000ColorSpace.SYcc, 37, 21), file);
        file.Position = 0;
        using var whole = _reader.Decode(file, new PixelRect(0, 0, 101, 77), reduce);
        file.Position = 0;

        using var part = _reader.Decode(file, new PixelRect(x, y, width, height), reduce);

        // Reduced grid: the image starts at ceil(37 / 2^r), the region at ceil((37 + x) / 2^r).
        var scale = 1 << reduce;
        var rect = new PixelRect(((37 + x + scale - 1) / scale) - ((37 + scale - 1) / scale), ((21 + y + scale - 1) / scale) - ((21 + scale - 1) / scale), part.Width, part.Height);
        Assert.That(PixelData.Of(part).Samples, Is.EqualTo(PixelData.Of(whole, rect).Samples));
        if (reduce == 0)
        {
            Assert.That(PixelData.Of(whole).MeanAbsoluteError(PixelData.Of(rgb)), Is.LessThan(3));
        }
    }

    [TestCase(TestImageFactory.Eycc420)]
    [TestCase(TestImageFactory.RawSycc420)]
    [Description("e-sYCC uses the sYCC matrix; a raw codestream with subsampled chroma is taken as YCC")]
    public void Decode_OtherYccFiles_EqualTheSyccDecode(string name)
    {
        using var sycc = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.Sycc420), Whole320, reduce: 0);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(name), Whole320, reduce: 0);

        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(sycc).Samples));
    }

    [TestCase(0, 0, 320, 240)]
    [TestCase(10, 5, 50, 40)]
    [TestCase(91, 107, 128, 128)]
    [TestCase(319, 239, 1, 1)]
    [Description("Region coordinates are relative to the image's top-left corner, not to the reference grid origin")]
    public void Decode_ImageWithNonZeroOrigin_TakesRegionsRelativeToTheImage(int x, int y, int width, int height)
    {
        using var source = TestImageFactory.Source(TestImageFactory.Origin);
        var region = new PixelRect(x, y, width, height);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.Origin), region, reduce: 0);

        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source, region).Samples));
    }

    [Test]
    public void Decode_ImageWithNonZeroOriginAtReduction_HasTheCanvasRoundedSize()
    {
        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.Origin), Whole320, reduce: 2);

        // Reference grid [37, 357) x [21, 261) at r = 2: [10, 90) x [6, 66).
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((80, 60)));
    }

    [Test]
    public void Decode_FileWithIccProfile_CopiesTheProfileIntoTheMetadata()
    {
        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.IccRgba), new PixelRect(5, 5, 10, 10), reduce: 0);

        Assert.That(decoded.Metadata.IccProfile, Is.Not.Null);
        Assert.That(decoded.Metadata.IccProfile!.ToByteArray(), Is.EqualTo(SyntheticImages.TinyIccProfile()));
    }

    [Test]
    public void Decode_FileWithoutIccProfile_LeavesTheMetadataEmpty()
    {
        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.Rgba), new PixelRect(5, 5, 10, 10), reduce: 0);

        Assert.That(decoded.Metadata.IccProfile, Is.Null);
    }

    private static byte Scaled(long value, int precision)
    {
        var max = (1L << precision) - 1;
        return (byte)Math.Round(value * 255.0 / max, MidpointRounding.AwayFromZero);
    }
}

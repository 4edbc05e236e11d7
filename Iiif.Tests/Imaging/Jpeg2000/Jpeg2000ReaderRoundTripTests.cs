using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>Lossless files decode back to the exact source pixels for any region at full resolution, and to a close
/// match of a downscaled source at every reduction.</summary>
[TestFixture]
public class Jpeg2000ReaderRoundTripTests
{
    /// <summary>Reduced levels of a lossless 5/3 file against the window-mean reference, per level r: the 5/3 low-pass
    /// cascade and a box mean differ most on the steep waves of the test picture, more so at deeper levels (measured
    /// MAE 1.4, 1.6, 2.4, 4.8 and max 8, 10, 14, 28 for r = 1..4). Tolerance: MAE below 1.5 (r + 1), max below 10 (r + 1).</summary>
    private const double ReducedMeanTolerancePerLevel = 1.5;
    private const int ReducedMaxTolerancePerLevel = 10;

    private readonly Jpeg2000Reader _reader = new();

    [TestCase(0, 0, 640, 480, Description = "the full image")]
    [TestCase(256, 0, 256, 256, Description = "exactly one tile")]
    [TestCase(200, 150, 300, 200, Description = "crossing four tiles")]
    [TestCase(512, 256, 128, 224, Description = "the partial bottom-right tile")]
    [TestCase(639, 479, 1, 1, Description = "the last pixel")]
    [TestCase(0, 0, 1, 1, Description = "the first pixel")]
    [TestCase(255, 255, 2, 2, Description = "a 2x2 block straddling four tiles")]
    [TestCase(17, 301, 413, 3, Description = "a thin strip")]
    public void Decode_LosslessRegionAtFullResolution_EqualsSourcePixels(int x, int y, int width, int height)
    {
        using var source = TestImageFactory.Source(TestImageFactory.RgbTiled);
        var region = new PixelRect(x, y, width, height);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbTiled), region, reduce: 0);

        Assert.That(decoded, Is.InstanceOf<Image<Rgb24>>());
        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source, region).Samples));
    }

    [TestCase(TestImageFactory.RgbOddTiled, 0, 0, 333, 217)]
    [TestCase(TestImageFactory.RgbOddTiled, 63, 63, 3, 130)]
    [TestCase(TestImageFactory.RgbOddTiled, 320, 200, 13, 17)]
    [TestCase(TestImageFactory.RgbSingleTile, 0, 0, 300, 200)]
    [TestCase(TestImageFactory.RgbSingleTile, 123, 45, 67, 89)]
    [TestCase(TestImageFactory.RawJ2k, 100, 50, 150, 120)]
    public void Decode_OtherLosslessLayouts_EqualSourcePixels(string name, int x, int y, int width, int height)
    {
        using var source = TestImageFactory.Source(name);
        var region = new PixelRect(x, y, width, height);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(name), region, reduce: 0);

        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source, region).Samples));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Decode_FullImageAtReduction_MatchesDownscaledSource(int reduce)
    {
        using var source = TestImageFactory.Source(TestImageFactory.RgbTiled);
        var expected = PixelData.Of(source).Downscaled(reduce);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbTiled), new PixelRect(0, 0, 640, 480), reduce);
        var actual = PixelData.Of(decoded);

        var expectedSize = new ReductionFactor(reduce).ReducedSize(new PixelRect(0, 0, 640, 480));

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Width, Is.EqualTo(expectedSize.Width));
            Assert.That(decoded.Height, Is.EqualTo(expectedSize.Height));
            Assert.That(actual.MeanAbsoluteError(expected), Is.LessThan(ReducedMeanTolerancePerLevel * (reduce + 1)));
            Assert.That(actual.MaxError(expected), Is.LessThan(ReducedMaxTolerancePerLevel * (reduce + 1)));
            // The tolerance must still tell a correct level from one shifted by a single reduced pixel.
            var inner = new PixelRect(1, 1, expected.Width - 2, expected.Height - 2);
            var shifted = new PixelRect(2, 1, expected.Width - 2, expected.Height - 2);
            Assert.That(
                actual.Crop(inner).MeanAbsoluteError(expected.Crop(inner)),
                Is.LessThan(actual.Crop(inner).MeanAbsoluteError(expected.Crop(shifted))));
        });
    }

    [TestCase(1, 200, 150, 300, 200)]
    [TestCase(2, 256, 0, 256, 256)]
    [TestCase(3, 100, 100, 333, 222)]
    [TestCase(4, 0, 0, 640, 480)]
    [Description("ISO 15444-1 B.5: a region [x0, x1) decodes at level r to [ceil(x0/2^r), ceil(x1/2^r)) of the reduced image")]
    public void Decode_RegionAtReduction_EqualsThatPartOfTheWholeReducedImage(int reduce, int x, int y, int width, int height)
    {
        var path = TestImageFactory.PathOf(TestImageFactory.RgbTiled);
        var region = new PixelRect(x, y, width, height);
        var factor = new ReductionFactor(reduce);
        using var whole = _reader.Decode(path, new PixelRect(0, 0, 640, 480), reduce);

        using var part = _reader.Decode(path, region, reduce);

        var expectedRect = new PixelRect(
            DivCeil(x, factor.Divisor), DivCeil(y, factor.Divisor), factor.ReducedSize(region).Width, factor.ReducedSize(region).Height);
        Assert.That(PixelData.Of(part).Samples, Is.EqualTo(PixelData.Of(whole, expectedRect).Samples));
    }

    [Test]
    public void Decode_LossyFile_IsCloseToTheSource()
    {
        using var source = TestImageFactory.Source(TestImageFactory.RgbLossy);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbLossy), new PixelRect(0, 0, 640, 480), reduce: 0);

        Assert.That(PixelData.Of(decoded).Psnr(PixelData.Of(source)), Is.GreaterThan(35));
    }

    [Test]
    public void Decode_LossyRegion_MatchesTheSameAreaOfAFullDecode()
    {
        var path = TestImageFactory.PathOf(TestImageFactory.RgbLossy);
        var region = new PixelRect(300, 100, 200, 300);
        using var whole = _reader.Decode(path, new PixelRect(0, 0, 640, 480), reduce: 0);

        using var part = _reader.Decode(path, region, reduce: 0);

        Assert.That(PixelData.Of(part).MaxError(PixelData.Of(whole, region)), Is.LessThanOrEqualTo(2));
    }

    [Test]
    public void Decode_FromStream_EqualsDecodeFromPath()
    {
        var path = TestImageFactory.PathOf(TestImageFactory.RgbTiled);
        var region = new PixelRect(10, 20, 300, 200);
        using var fromPath = _reader.Decode(path, region, reduce: 1);
        using var stream = new MemoryStream(File.ReadAllBytes(path));

        using var fromStream = _reader.Decode(stream, region, reduce: 1);

        Assert.That(PixelData.Of(fromStream).Samples, Is.EqualTo(PixelData.Of(fromPath).Samples));
    }

    [Test]
    public void Decode_StreamWithDataAfterAPrefix_ReadsFromTheCurrentPosition()
    {
        var bytes = File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbSingleTile));
        using var stream = new MemoryStream([.. new byte[1000], .. bytes]);
        stream.Position = 1000;
        using var source = TestImageFactory.Source(TestImageFactory.RgbSingleTile);

        using var decoded = _reader.Decode(stream, new PixelRect(0, 0, 300, 200), reduce: 0);

        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source).Samples));
    }

    [Test]
    public void Decode_RegionPartlyOutsideTheImage_IsClippedToTheImage()
    {
        using var source = TestImageFactory.Source(TestImageFactory.RgbTiled);

        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbTiled), new PixelRect(600, 450, 100, 100), reduce: 0);

        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source, new PixelRect(600, 450, 40, 30)).Samples));
    }

    [TestCase(3, 5, 5, 1, 1)]
    [TestCase(4, 639, 479, 1, 1)]
    [TestCase(4, 1, 1, 3, 3)]
    [TestCase(2, 0, 0, 1, 640)]
    [Description("opj-notes: a region that would be empty at the reduction is widened to one reduced pixel, never failed")]
    public void Decode_RegionSmallerThanOneReducedPixel_YieldsAtLeastOnePixel(int reduce, int x, int y, int width, int height)
    {
        using var decoded = _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbTiled), new PixelRect(x, y, width, height), reduce);

        Assert.Multiple(() =>
        {
            Assert.That(decoded.Width, Is.GreaterThanOrEqualTo(1));
            Assert.That(decoded.Height, Is.GreaterThanOrEqualTo(1));
            Assert.That(decoded.Width, Is.LessThanOrEqualTo(Math.Max(1, DivCeil(width, 1 << reduce) + 1)));
        });
    }

    private static int DivCeil(int value, int divisor) => (value + divisor - 1) / divisor;
}

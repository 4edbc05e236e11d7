using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>HTJ2K (JPEG 2000 Part 15) codestreams written by OpenJPH decode through our OpenJPEG layer like classic
/// JPEG 2000: header facts, any region at any reduction, and the block cache. Lossless HTJ2K and lossless classic
/// JPEG 2000 of the same picture with the same tiles and levels share the reversible wavelet, so every reduced level
/// must come out identical.</summary>
[TestFixture]
[Category("Integration")]
public class HtJ2kDecodeTests
{
    private static readonly string Classic = TestImageFactory.PathOf(TestImageFactory.RgbTiled);

    private readonly Jpeg2000Reader _reader = new();

    private static string HighThroughput => HtJ2kFiles.Lossless(TestImageFactory.RgbTiled, decompositions: 4, tileSize: 256);

    [Test]
    public void ReadFacts_HtJ2kCodestream_ReadsGeometryTilesAndLevels()
    {
        Assert.That(HtJ2kFiles.HasCapMarker(HighThroughput), Is.True, "the file is Part 15 (CAP marker after SIZ)");

        var facts = Jpeg2000Reader.ReadFacts(HighThroughput);

        Assert.That((facts.Container, facts.Width, facts.Height), Is.EqualTo((Jpeg2000Container.J2k, 640, 480)));
        Assert.That((facts.TileWidth, facts.TileHeight, facts.TileCount, facts.ResolutionLevels), Is.EqualTo((256, 256, 6, 5)));
        Assert.That(facts.IsReversible, Is.True);
    }

    [TestCase(0, 0, 0, 640, 480)]
    [TestCase(0, 200, 150, 300, 200)]
    [TestCase(1, 256, 0, 256, 256)]
    [TestCase(2, 100, 100, 333, 222)]
    [TestCase(3, 5, 7, 600, 400)]
    [TestCase(4, 0, 0, 640, 480)]
    [Description("Region and reduction: the pixels of the classic lossless file, exactly.")]
    public void Decode_RegionAtReduction_EqualsClassicJpeg2000(int reduce, int x, int y, int width, int height)
    {
        var region = new PixelRect(x, y, width, height);

        using var high = _reader.Decode(HighThroughput, region, reduce);
        using var classic = _reader.Decode(Classic, region, reduce);

        Assert.That(PixelData.Of(high).Samples, Is.EqualTo(PixelData.Of(classic).Samples));
    }

    [Test]
    [Description("Lossless at full resolution: the source picture itself.")]
    public void Decode_FullResolution_IsTheSourcePicture()
    {
        using var source = TestImageFactory.Source(TestImageFactory.RgbTiled);

        using var decoded = _reader.Decode(HighThroughput, new PixelRect(0, 0, 640, 480), 0);

        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source).Samples));
    }

    [TestCase(0, 0, 0, 300, 200)]
    [TestCase(0, 37, 21, 101, 77)]
    [TestCase(1, 150, 100, 150, 100)]
    [TestCase(3, 10, 10, 200, 150)]
    [Description("An untiled HTJ2K codestream (one tile: the whole image is decoded for any region, see DecodeArea) "
        + "gives the region of the whole decode at that reduction; at full resolution the source itself.")]
    public void Decode_UntiledRegion_EqualsTheWholeDecode(int reduce, int x, int y, int width, int height)
    {
        var untiled = HtJ2kFiles.Lossless(TestImageFactory.RgbSingleTile, decompositions: 5, tileSize: 0);
        var region = new PixelRect(x, y, width, height);

        using var decoded = _reader.Decode(untiled, region, reduce);
        using var whole = _reader.Decode(untiled, new PixelRect(0, 0, 300, 200), reduce);

        var scale = 1 << reduce;
        var cut = new PixelRect((x + scale - 1) / scale, (y + scale - 1) / scale, decoded.Width, decoded.Height);
        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(whole, cut).Samples));
        if (reduce == 0)
        {
            using var source = TestImageFactory.Source(TestImageFactory.RgbSingleTile);
            Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source, region).Samples));
        }
    }

    [TestCase(0)]
    [TestCase(2)]
    [Description("Sixteen regions inside one HTJ2K tile are cut from one decode of that tile, with the direct pixels.")]
    public void Decode_RegionsOfOneTile_DecodeTheTileOnce(int reduce)
    {
        var decoder = Jpeg2000BlockCacheTests.Decoder(64);
        var source = new FileSourceHandle(HighThroughput);

        for (var i = 0; i < 16; i++)
        {
            var region = new PixelRect(256 + (i % 4 * 64), i / 4 * 64, 64, 64);
            using var tile = decoder.Decode(source, RenderPlanBuilder.ForRegion(region.X, region.Y, 64, 64).ReducedBy(reduce).Build(), CancellationToken.None);
            using var direct = _reader.Decode(HighThroughput, region, reduce);
            Assert.That(PixelData.Of(tile).Samples, Is.EqualTo(PixelData.Of(direct).Samples), $"region {i}");
        }

        Assert.That(decoder.Blocks.Images!.DecodeCount, Is.EqualTo(1));
    }
}

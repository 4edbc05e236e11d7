using Iiif.Core.Geometry;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>A region cut from a cached decoded JPEG 2000 tile has exactly the pixels a direct decode of the region has,
/// at every reduction, for lossless and lossy files, odd sizes, edge tiles and a shifted image origin.</summary>
[TestFixture]
public class Jpeg2000BlockEqualityTests
{
    private readonly Jpeg2000Reader _reader = new();

    [TestCase(TestImageFactory.RgbTiled)]
    [TestCase(TestImageFactory.RgbLossy)]
    [TestCase(TestImageFactory.RgbOddTiled)]
    [TestCase(TestImageFactory.Origin)]
    [TestCase(TestImageFactory.Gray)]
    [TestCase(TestImageFactory.Rgba)]
    [TestCase(TestImageFactory.RawJ2k)]
    [Description("ISO 15444-1 B.5: region and tile both map to [ceil(x0/2^r), ceil(x1/2^r)), so the cut equals a direct decode.")]
    public void Decode_RegionsInsideOneTile_EqualDirectDecode(string name)
    {
        var path = TestImageFactory.PathOf(name);
        var facts = Jpeg2000Reader.ReadFacts(path);
        var decoder = Jpeg2000BlockCacheTests.Decoder(256);
        var source = new FileSourceHandle(path);
        var checkedRegions = 0;

        for (var reduce = 0; reduce < facts.ResolutionLevels; reduce++)
        {
            foreach (var region in RegionsInsideTiles(facts))
            {
                if (Jpeg2000Block.Locate(facts, region, reduce) is null)
                {
                    continue;
                }

                using var direct = _reader.Decode(path, region, reduce);
                using var cut = decoder.Decode(source, RenderPlanBuilder.ForRegion(region.X, region.Y, region.Width, region.Height).ReducedBy(reduce).Build(), CancellationToken.None);
                Assert.That(cut.GetType(), Is.EqualTo(direct.GetType()), $"{region} r{reduce}");
                Assert.That(PixelData.Of(cut).Samples, Is.EqualTo(PixelData.Of(direct).Samples), $"{region} r{reduce}");
                checkedRegions++;
            }
        }

        Assert.That(checkedRegions, Is.GreaterThan(50), "enough regions went through the block path");
        Assert.That(decoder.Blocks.Images!.DecodeCount, Is.LessThan(checkedRegions), "blocks were reused");
    }

    [Test]
    [Description("The cut keeps the ICC profile a direct decode carries.")]
    public void Decode_IccFile_KeepsProfile()
    {
        var path = TestImageFactory.PathOf(TestImageFactory.IccRgba);
        var decoder = Jpeg2000BlockCacheTests.Decoder(256);

        using var direct = _reader.Decode(path, new PixelRect(10, 10, 50, 50), 1);
        using var cut = decoder.Decode(new FileSourceHandle(path), RenderPlanBuilder.ForRegion(10, 10, 50, 50).ReducedBy(1).Build(), CancellationToken.None);

        Assert.That(decoder.Blocks.Images!.DecodeCount, Is.EqualTo(1));
        Assert.That(cut.Metadata.IccProfile?.ToByteArray(), Is.EqualTo(direct.Metadata.IccProfile?.ToByteArray()).And.Not.Null);
        Assert.That(PixelData.Of(cut).Samples, Is.EqualTo(PixelData.Of(direct).Samples));
    }

    // Per tile: the whole tile, odd offsets and sizes, single pixels at the corners, thin strips along the edges.
    private static IEnumerable<PixelRect> RegionsInsideTiles(Jpeg2000Facts facts)
    {
        for (var row = 0; row < facts.TileRows; row++)
        {
            for (var column = 0; column < facts.TileColumns; column++)
            {
                var x0 = Math.Max(facts.TileOriginX + (column * facts.TileWidth), facts.OriginX) - facts.OriginX;
                var y0 = Math.Max(facts.TileOriginY + (row * facts.TileHeight), facts.OriginY) - facts.OriginY;
                var x1 = Math.Min(facts.TileOriginX + ((column + 1) * facts.TileWidth), facts.OriginX + facts.Width) - facts.OriginX;
                var y1 = Math.Min(facts.TileOriginY + ((row + 1) * facts.TileHeight), facts.OriginY + facts.Height) - facts.OriginY;
                int w = x1 - x0, h = y1 - y0;
                yield return new PixelRect(x0, y0, w, h);
                yield return new PixelRect(x0 + 1, y0 + 3, Math.Max(w - 5, 1), Math.Max(h - 2, 1));
                yield return new PixelRect(x0 + (w / 3), y0 + (h / 5), Math.Max(w / 2, 1), Math.Max(h / 3, 1));
                yield return new PixelRect(x0 + (w / 2), y0 + (h / 2), w - (w / 2), h - (h / 2));
                yield return new PixelRect(x1 - 7, y1 - 9, 7, 9);
                yield return new PixelRect(x0, y1 - 1, w, 1);
                yield return new PixelRect(x1 - 1, y0, 1, h);
            }
        }
    }
}

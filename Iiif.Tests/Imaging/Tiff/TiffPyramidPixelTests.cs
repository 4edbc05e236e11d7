using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Tiff;

/// <summary>Every TIFF layout, compression and sample format, made by vips and tiffcp, decodes to the pixels libtiff's
/// own reading gives (a vips or tiff2rgba decode of the same level): exactly for lossless files, within JPEG's rounding
/// otherwise; for every tile of every stored level and for regions crossing tile edges.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class TiffPyramidPixelTests
{
    private static IEnumerable<string> Names => TiffTestImages.Names;

    [TestCaseSource(nameof(Names))]
    public void Decode_EveryTileOfEveryStoredLevel_MatchesLibtiff(string name)
    {
        var (decoder, source, facts, info) = Open(name);
        var checkedTiles = 0;
        for (var index = 0; index < facts.Levels.Count; index++)
        {
            var level = facts.Levels[index];
            var reference = Reference(name, index, facts);
            var r = level.Reduction;
            var step = TiffTestImages.Tile << r;
            for (var y = 0; y < info.Height; y += step)
            {
                for (var x = 0; x < info.Width; x += step)
                {
                    var region = new PixelRect(x, y, Math.Min(step, info.Width - x), Math.Min(step, info.Height - y));
                    Compare(name, decoder, source, info, reference, region, r);
                    checkedTiles++;
                }
            }
        }

        Assert.That(checkedTiles, Is.GreaterThanOrEqualTo(48), "at least the 8 x 6 tiles of full resolution");
    }

    [TestCaseSource(nameof(Names))]
    public void Decode_RegionsCrossingTileEdges_MatchLibtiff(string name)
    {
        var (decoder, source, facts, info) = Open(name);
        for (var index = 0; index < facts.Levels.Count; index++)
        {
            var r = facts.Levels[index].Reduction;
            var reference = Reference(name, index, facts);
            var s = 1 << r;
            foreach (var region in new[]
            {
                new PixelRect((128 - 37) * s, (128 - 11) * s, 100 * s, 60 * s),
                new PixelRect((128 * s) - 1, 3, (128 * s) + 2, 129 * s),
                new PixelRect(7, 5, info.Width - 7, info.Height - 5),
                new PixelRect(info.Width - (300 * s / 2), info.Height - (200 * s / 2), 300 * s / 2, 200 * s / 2),
            })
            {
                var clipped = Clip(region, info);
                if (info.ReducedSize(clipped, new ReductionFactor(r)) is { Width: > 0, Height: > 0 })
                {
                    Compare(name, decoder, source, info, reference, clipped, r);
                }
            }
        }
    }

    [TestCase("deflate-chain", 4)]
    [TestCase("deflate-chain", 5)]
    [TestCase("none-single-tiled", 1)]
    [TestCase("none-single-tiled", 3)]
    [TestCase("deflate-strips", 2)]
    [TestCase("gray16-chain", 5)]
    [Description("Below the smallest stored level, and for files without a pyramid, the finer level is averaged in aligned blocks.")]
    public void Decode_ReductionWithoutStoredLevel_AveragesFinerLevel(string name, int reduction)
    {
        var (decoder, source, facts, info) = Open(name);
        var level = facts.LevelFor(reduction);
        var index = facts.Levels.ToList().IndexOf(level);
        var expected = Reference(name, index, facts).Binned(1 << (reduction - level.Reduction));

        using var image = decoder.Decode(source, RenderPlanBuilder.ForImage(info.Width, info.Height).ReducedBy(reduction).OnLevelsOf(info).Build(), CancellationToken.None);

        Assert.That((image.Width, image.Height), Is.EqualTo((expected.Width, expected.Height)));
        Assert.That(PixelData.Of(image).MaxError(expected), Is.LessThanOrEqualTo(TiffTestImages.Variant(name).Lossless ? 0 : 3));
    }

    [Test]
    [Description("vips halves rounding down (750 -> 375 -> 187 -> 93), and info.json and the planner use those sizes.")]
    public void Identify_VipsPyramid_ReportsStoredLevelSizes()
    {
        var (_, _, facts, info) = Open("jpeg-chain");

        Assert.That(facts.Levels.Select(l => (l.Reduction, l.Directory.Width, l.Directory.Height)),
            Is.EqualTo(new[] { (0, 1000, 750), (1, 500, 375), (2, 250, 187), (3, 125, 93) }));
        Assert.That(info.NativeTileSize, Is.EqualTo(new PixelSize(128, 128)));
        Assert.That(info.LevelSizes, Is.EqualTo(new[] { new PixelSize(1000, 750), new PixelSize(500, 375), new PixelSize(250, 187), new PixelSize(125, 93) }));
    }

    private static (TiffSourceDecoder Decoder, FileSourceHandle Source, TiffFacts Facts, ImageInfo Info) Open(string name)
    {
        var decoder = TiffDecoders.Create();
        var source = new FileSourceHandle(TiffTestImages.PathOf(name));
        return (decoder, source, decoder.FactsOf(source, CancellationToken.None), decoder.Identify(source, CancellationToken.None));
    }

    private static PixelData Reference(string name, int index, TiffFacts facts) =>
        TiffReference.Load(TiffTestImages.ReferenceOf(name, index), facts.Main.Layout.OutputChannels, name == "rgba-associated");

    private static void Compare(string name, TiffSourceDecoder decoder, FileSourceHandle source, ImageInfo info, PixelData reference, PixelRect region, int r)
    {
        var plan = RenderPlanBuilder.ForRegion(region.X, region.Y, region.Width, region.Height).ReducedBy(r).OnLevelsOf(info).Build();
        using var image = decoder.Decode(source, plan, CancellationToken.None);
        var shift = new ReductionFactor(r);
        var at = new PixelRect(CeilDiv(region.X, shift.Divisor), CeilDiv(region.Y, shift.Divisor), plan.DecodedSize.Width, plan.DecodedSize.Height);
        var expected = reference.Crop(at);
        var error = PixelData.Of(image).MaxError(expected);
        Assert.That(error, Is.LessThanOrEqualTo(TiffTestImages.Variant(name).Lossless ? 0 : 2), $"{name} {region} r{r}");
    }

    private static PixelRect Clip(PixelRect region, ImageInfo info)
    {
        var x = Math.Clamp(region.X, 0, info.Width - 1);
        var y = Math.Clamp(region.Y, 0, info.Height - 1);
        return new PixelRect(x, y, Math.Min(region.Right, info.Width) - x, Math.Min(region.Bottom, info.Height) - y);
    }

    private static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;
}

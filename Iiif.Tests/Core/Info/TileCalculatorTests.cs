using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using static Iiif.Tests.Core.Info.InfoTestImages;

namespace Iiif.Tests.Core.Info;

[TestFixture]
public class TileCalculatorTests
{
    private static string[] Sizes(ImageInfo info, ServerLimits limits) =>
        [.. TileCalculator.Layout(info, limits, 512).Sizes.Select(s => s.ToString())];

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties, https://iiif.io/api/image/3.0/#52-technical-properties sizes: one per resolution level, JPEG 2000 ceil rounding (ISO 15444-1 B.5), smallest first")]
    public void Sizes_NoLimits_OnePerLevelCeilHalvedSmallestFirst()
    {
        Assert.That(Sizes(Large, ServerLimits.Unlimited), Is.EqualTo(LargeSizes));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: any sizes advertised MUST fall within maxWidth (and maxHeight, which defaults to maxWidth)")]
    public void Sizes_MaxWidth4000_StopsAt3781x2502()
    {
        Assert.That(Sizes(Large, Limits(maxWidth: 4000)), Is.EqualTo(LargeSizes[..5]));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: advertised sizes MUST fall within maxArea (1891x1251 = 2,365,641 > 1,000,000; 946x626 = 592,196)")]
    public void Sizes_MaxArea1M_StopsAt946x626()
    {
        Assert.That(Sizes(Large, Limits(maxArea: 1_000_000)), Is.EqualTo(LargeSizes[..3]));
    }

    [TestCase(8000, 2000, TestName = "Sizes_ExplicitMaxHeight_StopsAt1891x1251")]
    [TestCase(2000, null, TestName = "Sizes_MaxHeightDefaultsToMaxWidth_StopsAt1891x1251")]
    [Description("https://iiif.io/api/image/3.0/#42-size: maxHeight limits sizes; when only maxWidth is given, maxHeight equals it")]
    public void Sizes_HeightLimit(int maxWidth, int? maxHeight)
    {
        Assert.That(Sizes(Large, Limits(maxWidth, maxHeight)), Is.EqualTo(LargeSizes[..4]));
    }

    [TestCase(200, null, "200x132", TestName = "Sizes_NoLevelFitsMaxWidth_MaxSizeOnly")]
    [TestCase(null, 10_000L, "123x81", TestName = "Sizes_NoLevelFitsMaxArea_MaxSizeOnly")]
    [Description("https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: when no level fits, the max size under the limits (5003*200/7561 = 132.3 -> 132; "
        + "sqrt(10000/37827683) = 0.01626: 122.9 x 81.3; the largest aspect-keeping size within the area is 123x81 = 9963 px) "
        + "keeps a thumbnail available")]
    public void Sizes_NothingFits_ListsMaxSize(int? maxWidth, long? maxArea, string expected)
    {
        var sizes = TileCalculator.Sizes(Large, Limits(maxWidth, maxArea: maxArea), levelCount: 6);
        Assert.That(sizes.Select(s => s.ToString()), Is.EqualTo(new[] { expected }));
    }

    [TestCase(200, null, 128, new[] { 1, 2, 4, 8, 16, 32, 64 }, new[] { "119x79" })]
    [TestCase(null, 10_000L, 64, new[] { 1, 2, 4, 8, 16, 32, 64, 128 }, new[] { "60x40", "119x79" })]
    [Description("Small limits shrink the tile, and the levels then go on until one tile covers the image; that level's "
        + "size is no larger than the tile, so the layout always lists a size within the limits (7561/64 = 118.1 -> 119)")]
    public void Layout_SmallLimits_DeeperLevelsGiveAThumbnail(int? maxWidth, long? maxArea, int tile, int[] factors, string[] sizes)
    {
        var layout = TileCalculator.Layout(Large, Limits(maxWidth, maxArea: maxArea), 512);
        Assert.Multiple(() =>
        {
            Assert.That(layout.TileSize, Is.EqualTo(new PixelSize(tile, tile)));
            Assert.That(layout.ScaleFactors, Is.EqualTo(factors));
            Assert.That(layout.Sizes.Select(s => s.ToString()), Is.EqualTo(sizes));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties sizes: duplicate entries add nothing; a 1x1 image stays 1x1 at every level")]
    public void Sizes_TinyImage_NoDuplicates()
    {
        var info = new ImageInfo(1, 1, 3, null, false);
        Assert.That(Sizes(info, ServerLimits.Unlimited), Is.EqualTo(new[] { "1x1" }));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/implementation/#3-tile-region-parameter-calculation tiles: scale factors 1..2^(levels-1) from the source's resolution levels")]
    public void Layout_NativeTiles_TileAndScaleFactorsFromSource()
    {
        var layout = TileCalculator.Layout(Large, ServerLimits.Unlimited, 512);
        Assert.Multiple(() =>
        {
            Assert.That(layout.TileSize, Is.EqualTo(new PixelSize(1024, 1024)));
            Assert.That(layout.ScaleFactors, Is.EqualTo(new[] { 1, 2, 4, 8, 16, 32 }));
        });
    }

    [Test]
    [Description("Tiles of an untiled source use the configured default, with levels until one tile covers the image "
        + "(512*16 = 8192 >= 7561), so viewers get zoomed-out levels")]
    public void Layout_UntiledSource_DefaultTileAndLevelsToOneTile()
    {
        var layout = TileCalculator.Layout(LargeUntiled, ServerLimits.Unlimited, 512);
        Assert.Multiple(() =>
        {
            Assert.That(layout.TileSize, Is.EqualTo(new PixelSize(512, 512)));
            Assert.That(layout.ScaleFactors, Is.EqualTo(new[] { 1, 2, 4, 8, 16 }));
            Assert.That(layout.Sizes.Select(s => s.ToString()), Is.EqualTo(LargeSizes[1..]));
        });
    }

    [TestCase(0, 1)]
    [TestCase(1, 1)]
    [TestCase(4, 4)]
    [Description("Scale factors: at least [1]; a small image fitting one tile needs no more levels than its source has")]
    public void LevelCount_SmallImage_AtLeastOne(int resolutionLevels, int expected)
    {
        var info = new ImageInfo(300, 200, resolutionLevels, null, false);
        Assert.That(TileCalculator.LevelCount(info, new PixelSize(512, 512)), Is.EqualTo(expected));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/implementation/#3-tile-region-parameter-calculation: a tile larger than the image is kept; tile regions are clipped to the image")]
    public void TileSize_LargerThanImage_Kept()
    {
        var info = new ImageInfo(300, 200, 1, null, false);
        Assert.That(TileCalculator.TileSize(info, ServerLimits.Unlimited, 512), Is.EqualTo(new PixelSize(512, 512)));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties tiles: width and height of a native tile may differ")]
    public void TileSize_NonSquareNativeTile_Kept()
    {
        var info = Large with { NativeTileSize = new PixelSize(1024, 512) };
        Assert.That(TileCalculator.TileSize(info, ServerLimits.Unlimited, 256), Is.EqualTo(new PixelSize(1024, 512)));
    }

    [TestCase(1000, null, null, 512, 512)]
    [TestCase(8000, 600, null, 1024, 512)]
    [TestCase(null, null, 300_000L, 512, 512)]
    [TestCase(100, null, null, 64, 64)]
    [Description("https://iiif.io/api/image/3.0/#42-size: advertised tiles MUST fall within the limits; halved so each stays inside one native tile")]
    public void TileSize_NativeTileOverLimits_HalvedUntilItFits(int? maxWidth, int? maxHeight, long? maxArea, int w, int h)
    {
        var limits = Limits(maxWidth, maxHeight, maxArea);
        var tile = TileCalculator.TileSize(Large, limits, 512);
        Assert.That(tile, Is.EqualTo(new PixelSize(w, h)));
        Assert.That(limits.Allows(tile), Is.True);
    }

    [TestCase(4000, null, null)]
    [TestCase(8000, 600, null)]
    [TestCase(null, null, 1_000_000L)]
    [TestCase(100, 50, 2_000L)]
    [TestCase(1, null, null)]
    [Description("https://iiif.io/api/image/3.0/#42-size: any sizes and tiles the server advertises MUST fall within the limits")]
    public void Layout_AnyLimits_EverySizeAndTileWithinLimits(int? maxWidth, int? maxHeight, long? maxArea)
    {
        var limits = Limits(maxWidth, maxHeight, maxArea);
        var layout = TileCalculator.Layout(Large, limits, 512);
        Assert.That(layout.Sizes, Is.Not.Empty);
        Assert.That(layout.Sizes.Append(layout.TileSize).Where(s => !limits.Allows(s)), Is.Empty);
    }

    [Test]
    [Description("Scale factors are powers of two, one per level")]
    public void ScaleFactors_Three_OneTwoFour()
    {
        Assert.That(TileCalculator.ScaleFactors(3), Is.EqualTo(new[] { 1, 2, 4 }));
    }

    [Test]
    [Description("Guard: a non-positive default tile size is a configuration bug")]
    public void TileSize_ZeroDefault_Throws()
    {
        Assert.That(() => TileCalculator.TileSize(LargeUntiled, ServerLimits.Unlimited, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}

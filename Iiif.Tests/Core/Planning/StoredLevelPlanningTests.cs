using Iiif.Core.Geometry;
using Iiif.Core.Info;

namespace Iiif.Tests.Core.Planning;

/// <summary>A TIFF pyramid whose writer halved its levels rounding down (vips: 7500 -> 3750 -> 1875 -> 937 -> 468): the
/// planner sizes the decoded region from the stored level, picks the smallest level not smaller than the output, and
/// info.json lists the stored sizes.</summary>
[TestFixture]
public class StoredLevelPlanningTests
{
    private static readonly ImageInfo Vips = new(10000, 7500, 5, new PixelSize(256, 256), false)
    {
        LevelSizes = [new(10000, 7500), new(5000, 3750), new(2500, 1875), new(1250, 937), new(625, 468)],
    };

    [TestCase("8192,6144,1808,1356", "226,169", 3, 226, 169, Description = "the bottom-right tile of 1/8 as OpenSeadragon asks for it from sizes")]
    [TestCase("8192,6144,1808,1356", "226,170", 2, 452, 339, Description = "one row more than the stored level has: the finer level")]
    [TestCase("2048,2048,2048,2048", "256,256", 3, 256, 256, Description = "an interior tile is the stored tile")]
    [TestCase("full", "1250,937", 3, 1250, 937, Description = "a listed size decodes exactly that level")]
    [TestCase("full", "625,", 3, 1250, 937, Description = "625 wide is 469 tall (rounded): one row more than the 1/16 level")]
    [TestCase("full", "625,468", 4, 625, 468, Description = "the listed 1/16 size")]
    [TestCase("full", "max", 0, 10000, 7500)]
    public void Plan_StoredLevels_PicksSmallestLevelNotSmallerThanOutput(string region, string size, int level, int width, int height)
    {
        var plan = Plans.V3($"{region}/{size}/0/default.jpg", Vips).Ok();

        Assert.Multiple(() =>
        {
            Assert.That(plan.Reduction, Is.EqualTo(new ReductionFactor(level)));
            Assert.That(plan.DecodedSize, Is.EqualTo(new PixelSize(width, height)));
            Assert.That(plan.DecodedSize.Width, Is.GreaterThanOrEqualTo(plan.ScaledSize.Width));
            Assert.That(plan.DecodedSize.Height, Is.GreaterThanOrEqualTo(plan.ScaledSize.Height));
        });
    }

    [Test]
    [Description("info.json sizes are the stored levels, not JPEG 2000's rounded-up ones.")]
    public void Sizes_StoredLevels_AreListed()
    {
        var sizes = TileCalculator.Sizes(Vips, Plans.NoUpscaling, 5);

        Assert.That(sizes, Is.EqualTo(new PixelSize[] { new(625, 468), new(1250, 937), new(2500, 1875), new(5000, 3750), new(10000, 7500) }));
    }

    [Test]
    [Description("Without level sizes the JPEG 2000 rounding stays: 7500 -> 938 at 1/8.")]
    public void ReducedSize_NoLevelSizes_RoundsUp()
    {
        var info = Vips with { LevelSizes = null };

        Assert.That(info.ReducedSize(info.Bounds, new ReductionFactor(3)), Is.EqualTo(new PixelSize(1250, 938)));
        Assert.That(Vips.ReducedSize(Vips.Bounds, new ReductionFactor(3)), Is.EqualTo(new PixelSize(1250, 937)));
    }

    [Test]
    [Description("A region entirely past a rounded-down level's last pixel has no pixels there: never a negative size.")]
    public void ReducedSize_RegionPastStoredLevel_IsZeroNotNegative()
    {
        var info = new ImageInfo(9, 9, 2, null, false) { LevelSizes = [new(9, 9), new(4, 4)] };

        Assert.That(info.ReducedSize(new PixelRect(8, 8, 1, 1), new ReductionFactor(1)), Is.EqualTo(new PixelSize(0, 0)));
        Assert.That(Plans.V3("8,8,1,1/1,1/0/default.jpg", info).Ok().Reduction, Is.EqualTo(ReductionFactor.None));
    }
}

using Iiif.Core.Geometry;
using Iiif.Core.Info;

namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class ReductionPlanningTests
{
    // A typical JPEG 2000 master: odd sizes, 6 resolution levels (5 decomposition levels).
    private static readonly ImageInfo Master = new(7561, 5003, 6, new PixelSize(1024, 1024), false);

    [TestCase("1024,1024,1024,1024", "512,", 1, 512, 512)]
    [TestCase("1024,1024,1024,1024", "256,", 2, 256, 256)]
    [TestCase("1024,1024,1024,1024", "1024,", 0, 1024, 1024)]
    [TestCase("1024,1024,1024,1024", "511,", 1, 512, 512)]
    [TestCase("1024,1024,1024,1024", "513,", 0, 1024, 1024)]
    [TestCase("full", "256,", 4, 473, 313)]
    [TestCase("full", "237,", 5, 237, 157)]
    [TestCase("full", "238,", 4, 473, 313)]
    [TestCase("full", "max", 0, 7561, 5003)]
    [TestCase("full", "pct:1", 5, 237, 157)]
    [TestCase("7168,4096,1024,1024", ",454", 1, 197, 454)]
    [TestCase("7168,4096,1024,1024", "197,", 0, 393, 907)]
    [Description("https://iiif.io/api/image/3.0/#46-order-of-implementation: decode at the deepest level whose region (JPEG 2000 ceiling rounding) is still at least the " +
        "scaled size on both sides, so decoded pixels are only ever scaled down; odd edge tiles included.")]
    public void Plan_Reduction_IsDeepestLevelStillCoveringTheOutput(string region, string size, int level, int decodedWidth, int decodedHeight)
    {
        var plan = Plans.V3($"{region}/{size}/0/default.jpg", Master).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Reduction, Is.EqualTo(new ReductionFactor(level)));
            Assert.That(plan.DecodedSize, Is.EqualTo(new PixelSize(decodedWidth, decodedHeight)));
            Assert.That(plan.DecodedSize.Width, Is.GreaterThanOrEqualTo(plan.ScaledSize.Width));
            Assert.That(plan.DecodedSize.Height, Is.GreaterThanOrEqualTo(plan.ScaledSize.Height));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#46-order-of-implementation: a source without a pyramid (1 level) is always decoded at full resolution.")]
    public void Plan_SingleLevelSource_UsesFullResolution()
    {
        var plan = Plans.V3("full/10,/0/default.jpg", Plans.Image(7561, 5003, 1)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Reduction, Is.EqualTo(ReductionFactor.None));
            Assert.That(plan.DecodedSize, Is.EqualTo(new PixelSize(7561, 5003)));
            Assert.That(plan.NeedsResize, Is.True);
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#46-order-of-implementation: an upscaled request decodes at full resolution.")]
    public void Plan_Upscaled_UsesFullResolution()
    {
        var plan = Plans.V3("0,0,100,100/^400,/0/default.jpg", Master, Plans.Upscaling).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Reduction, Is.EqualTo(ReductionFactor.None));
            Assert.That(plan.IsUpscaled, Is.True);
        });
    }

    [Test]
    [Description("Ours: the search never goes past the source's levels, even when a deeper level would still be large enough.")]
    public void Plan_ReductionLimitedByResolutionLevels()
    {
        var plan = Plans.V3("full/1,/0/default.jpg", Plans.Image(4096, 4096, 3)).Ok();
        Assert.That(plan.Reduction, Is.EqualTo(new ReductionFactor(2)));
    }

    [Test]
    [Description("JPEG 2000 ceiling rounding (ISO 15444-1 B.5): a region at an odd offset can lose its only pixel at a deeper " +
        "level; the search stops before a side reaches 0.")]
    public void Plan_OddOffsetRegion_StopsBeforeAZeroSide()
    {
        var plan = Plans.V3("1,0,2,2/1,/0/default.jpg", Plans.Image(4, 4, 3)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Reduction, Is.EqualTo(new ReductionFactor(1)));
            Assert.That(plan.DecodedSize, Is.EqualTo(new PixelSize(1, 1)));
        });
    }

    [Test]
    [Description("Ours: absurd level counts are capped so 2^r cannot overflow.")]
    public void Plan_HugeLevelCount_DoesNotOverflow()
    {
        var plan = Plans.V3("full/1,1/0/default.jpg", Plans.Image(int.MaxValue, 1, 64)).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Reduction.Level, Is.EqualTo(30));
            Assert.That(plan.DecodedSize.Width, Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    [Description("RenderPlan: DecodedSize is the source region reduced at the chosen level.")]
    public void Plan_DecodedSize_IsReducedSourceRegion()
    {
        var plan = Plans.V3("pct:10,10,33,33/300,/0/default.jpg", Master).Ok();
        Assert.That(plan.DecodedSize, Is.EqualTo(plan.Reduction.ReducedSize(plan.SourceRegion)));
    }
}

using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class SizeLimitsPlanningTests
{
    [TestCase(1000, null, null, "1000x750")]
    [TestCase(null, 600, null, "800x600")]
    [TestCase(3000, 600, null, "800x600")]
    [TestCase(null, null, 1_000_000L, "1154x866")]
    [TestCase(1000, 500, 400_000L, "667x500")]
    [TestCase(5000, null, null, "4000x3000")]
    [TestCase(null, null, 12_000_000L, "4000x3000")]
    [Description("https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: max on an image bigger than the limits is scaled down, keeping the aspect ratio, until " +
        "maxWidth, maxHeight (default maxWidth) and maxArea all hold.")]
    public void Plan_MaxOnImageBiggerThanLimits_IsScaledDownToFit(int? maxWidth, int? maxHeight, long? maxArea, string expected)
    {
        var limits = new ServerLimits(maxWidth, maxHeight, maxArea, false, null);
        var image = Plans.Image(4000, 3000);
        Assert.Multiple(() =>
        {
            Assert.That(Plans.V3("full/max/0/default.jpg", image, limits).Scaled(), Is.EqualTo(expected));
            Assert.That(Plans.V2("full/max/0/default.jpg", image, limits).Scaled(), Is.EqualTo(expected));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: with only maxWidth set, maxHeight equals it (https://iiif.io/api/image/3.0/#52-technical-properties), so a portrait image is bounded by it too.")]
    public void Plan_MaxWidthOnly_AlsoBoundsHeight()
    {
        var limits = new ServerLimits(500, null, null, false, null);
        Assert.That(Plans.V3("full/max/0/default.jpg", Plans.Image(800, 1000), limits).Scaled(), Is.EqualTo("400x500"));
    }

    [TestCase(1000, 1, 100, null, null, "100x1")]
    [TestCase(1000, 1, null, null, 50L, "50x1")]
    [TestCase(1, 1000, null, 7, null, "1x7")]
    [TestCase(1, 1000, null, null, 1L, "1x1")]
    [TestCase(3, 3, null, null, 1L, "1x1")]
    [Description("Ours, https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: max never becomes 0 px on a side, even for extreme aspect ratios; the short side is kept at 1.")]
    public void Plan_MaxOnExtremeAspect_NeverHasZeroSide(int width, int height, int? maxWidth, int? maxHeight, long? maxArea, string expected)
    {
        var limits = new ServerLimits(maxWidth, maxHeight, maxArea, false, null);
        Assert.That(Plans.V3("full/max/0/default.jpg", Plans.Image(width, height), limits).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("600,", "maxWidth")]
    [TestCase("400,600", "maxHeight")]
    [TestCase("500,501", "maxHeight")]
    [TestCase("pct:60", "maxWidth")]
    [TestCase("450,450", "maxArea")]
    [Description("https://iiif.io/api/image/3.0/#42-size, https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: a w,/,h/pct/w,h result beyond a limit is a 400 whose message names the limit.")]
    public void Plan_ExplicitSizeBeyondLimit_ReturnsBadRequestNamingTheLimit(string size, string limitName)
    {
        var limits = new ServerLimits(500, null, 200_000, true, null);
        foreach (var result in new[] { Plans.V3($"full/{size}/0/default.jpg", limits: limits), Plans.V2($"full/{size}/0/default.jpg", limits: limits) })
        {
            Assert.Multiple(() =>
            {
                Assert.That(result.Status(), Is.EqualTo(400));
                Assert.That(result.Error.Parameter, Is.EqualTo("size"));
                Assert.That(result.Error.Message, Does.Contain(limitName));
            });
        }
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#42-size: a 2.1 full size beyond the limits is a 400 (only max scales down).")]
    public void Plan_V2FullBeyondLimits_ReturnsBadRequest()
    {
        Assert.That(Plans.V2("full/full/0/default.jpg", limits: new ServerLimits(500, null, null, false, null)).Status(), Is.EqualTo(400));
    }

    [TestCase("500,", "500x500")]
    [TestCase("400,500", "400x500")]
    [TestCase("pct:44.7", "447x447")]
    [Description("https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: sizes exactly at the limits are served.")]
    public void Plan_ExplicitSizeAtLimit_IsServed(string size, string expected)
    {
        var limits = new ServerLimits(500, null, 250_000, false, null);
        Assert.That(Plans.V3($"full/{size}/0/default.jpg", limits: limits).Scaled(), Is.EqualTo(expected));
    }

    [TestCase(ApiVersion.V2, "!800,800", "500x500")]
    [TestCase(ApiVersion.V3, "!800,800", "500x500")]
    [TestCase(ApiVersion.V3, "^!800,800", "500x500")]
    [TestCase(ApiVersion.V3, "!800,300", "300x300")]
    [Description("https://iiif.io/api/image/3.0/#42-size: !w,h is the largest fit inside the box AND the limits, so a box beyond maxWidth is fitted, not refused.")]
    public void Plan_BestFitBeyondLimits_IsFittedInsideTheLimits(ApiVersion version, string size, string expected)
    {
        var limits = new ServerLimits(500, null, null, false, null);
        Assert.That(Plans.Plan(version, $"full/{size}/0/default.jpg", limits: limits).Scaled(), Is.EqualTo(expected));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: ^!w,h whose limits keep it within the region needs no upscaling, so no 501 without upscaling.")]
    public void Plan_CaretBestFitHeldBelowRegionByLimits_IsServedWithoutUpscaling()
    {
        var limits = new ServerLimits(800, null, null, false, null);
        Assert.That(Plans.V3("full/^!2000,2000/0/default.jpg", limits: limits).Scaled(), Is.EqualTo("800x800"));
    }

    [TestCase(null, null, 4_000_000L, "2000x2000")]
    [TestCase(1500, null, 4_000_000L, "1500x1500")]
    [TestCase(3000, 1200, null, "1200x1200")]
    [TestCase(null, null, 999_999L, "999x999")]
    [Description("https://iiif.io/api/image/3.0/#42-size: ^max is as big as the limits allow, keeping the aspect ratio, up or down.")]
    public void Plan_CaretMax_IsAsLargeAsTheLimitsAllow(int? maxWidth, int? maxHeight, long? maxArea, string expected)
    {
        var limits = new ServerLimits(maxWidth, maxHeight, maxArea, true, null);
        Assert.That(Plans.V3("full/^max/0/default.jpg", limits: limits).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("^2000,", "2000x2000")]
    [TestCase("^2001,", "400")]
    [TestCase("^,2001", "400")]
    [TestCase("^2000,2001", "400")]
    [TestCase("^pct:200", "2000x2000")]
    [TestCase("^pct:200.1", "400")]
    [TestCase("^!5000,5000", "2000x2000")]
    [TestCase("^max", "5000x5000")]
    [Description("MaxUpscaleFactor (the old server's upsize_factor): with upscaling on, an explicit side beyond factor x region " +
        "is a 400; ^!w,h is fitted inside the factor like a limit; ^max follows maxWidth/maxHeight/maxArea only " +
        "(https://iiif.io/api/image/3.0/#42-size).")]
    public void Plan_V3MaxUpscaleFactor_BoundsUpscaling(string size, string expected)
    {
        var limits = new ServerLimits(5000, null, null, true, 2m);
        Assert.That(Plans.V3($"full/{size}/0/default.jpg", limits: limits).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("2000,", "2000x2000")]
    [TestCase("2001,", "400")]
    [TestCase("!5000,5000", "2000x2000")]
    [TestCase("pct:250", "400")]
    [Description("MaxUpscaleFactor applies to 2.1 sizeAboveFull as well.")]
    public void Plan_V2MaxUpscaleFactor_BoundsUpscaling(string size, string expected)
    {
        var limits = new ServerLimits(null, null, null, true, 2m);
        Assert.That(Plans.V2($"full/{size}/0/default.jpg", limits: limits).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("^1500,", "1500x750")]
    [TestCase("^,750", "1500x750")]
    [TestCase("^,751", "400")]
    [TestCase("^1500,751", "400")]
    [Description("MaxUpscaleFactor is checked on each side against the same side of the region.")]
    public void Plan_MaxUpscaleFactorOnNonSquareRegion_ChecksBothSides(string size, string expected)
    {
        var limits = new ServerLimits(null, null, null, true, 1.5m);
        Assert.That(Plans.V3($"0,0,1000,500/{size}/0/default.jpg", limits: limits).Scaled(), Is.EqualTo(expected));
    }

    [Test]
    [Description("MaxUpscaleFactor only matters with upscaling on; it does not restrict downscaling.")]
    public void Plan_MaxUpscaleFactor_DoesNotAffectDownscaling()
    {
        var limits = new ServerLimits(null, null, null, true, 1m);
        Assert.Multiple(() =>
        {
            Assert.That(Plans.V3("full/^500,/0/default.jpg", limits: limits).Scaled(), Is.EqualTo("500x500"));
            Assert.That(Plans.V3("full/^1001,/0/default.jpg", limits: limits).Status(), Is.EqualTo(400));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: the limits algorithm always yields a size that satisfies every limit, is no larger than the " +
        "region, and has no 0 side (checked over many regions and limits).")]
    public void Plan_MaxOverManyRegionsAndLimits_AlwaysSatisfiesEveryLimit()
    {
        var random = new Random(20240601);
        for (var i = 0; i < 3000; i++)
        {
            var image = Plans.Image(random.Next(1, 20000), random.Next(1, 20000));
            int? maxWidth = random.Next(3) == 0 ? null : random.Next(1, 5000);
            int? maxHeight = random.Next(3) == 0 ? null : random.Next(1, 5000);
            long? maxArea = random.Next(3) == 0 ? null : random.NextInt64(1, 30_000_000);
            var limits = new ServerLimits(maxWidth, maxHeight, maxArea, false, null);
            var size = Plans.V3("full/max/0/default.jpg", image, limits).Ok().ScaledSize;
            var context = $"{image.Width}x{image.Height} under {limits} gave {size}";
            Assert.That(size.Width, Is.InRange(1, Math.Min(image.Width, limits.MaxWidth ?? int.MaxValue)), context);
            Assert.That(size.Height, Is.InRange(1, Math.Min(image.Height, limits.EffectiveMaxHeight ?? int.MaxValue)), context);
            Assert.That(size.Area, Is.LessThanOrEqualTo(limits.MaxArea ?? long.MaxValue), context);
        }
    }
}

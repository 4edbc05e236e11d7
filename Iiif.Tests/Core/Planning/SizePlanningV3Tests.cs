namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class SizePlanningV3Tests
{
    [TestCase("max", 1000, 1000, "1000x1000")]
    [TestCase("1000,", 1000, 1000, "1000x1000")]
    [TestCase("500,", 1000, 1000, "500x500")]
    [TestCase(",250", 1000, 1000, "250x250")]
    [TestCase("pct:50", 1000, 1000, "500x500")]
    [TestCase("pct:100", 1000, 1000, "1000x1000")]
    [TestCase("400,700", 1000, 1000, "400x700")]
    [TestCase("!500,300", 1000, 1000, "300x300")]
    [TestCase("!1000,3000", 1000, 1000, "1000x1000")]
    [TestCase("600,", 1000, 800, "600x480")]
    [TestCase(",400", 1000, 800, "500x400")]
    [TestCase("!600,600", 1000, 800, "600x480")]
    [TestCase("!1000,1000", 1000, 800, "1000x800")]
    [Description("https://iiif.io/api/image/3.0/#42-size: max, w, ,h, pct:n, w,h and !w,h without ^ give the specified size when it is no larger than the region.")]
    public void Plan_SizeFormsWithinRegion_GiveTheSpecifiedSize(string size, int width, int height, string expected)
    {
        Assert.That(Plans.V3($"full/{size}/0/default.jpg", Plans.Image(width, height)).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("1200,")]
    [TestCase("1100,")]
    [TestCase("2000,")]
    [TestCase(",1200")]
    [TestCase("1200,1200")]
    [TestCase("1001,1000")]
    [TestCase("1000,1001")]
    [TestCase("pct:150")]
    [TestCase("pct:200")]
    [TestCase("pct:100.01")]
    [Description("https://iiif.io/api/image/3.0/#42-size (validator): without ^, a result larger than the region, or pct above 100, is a 400 " +
        "even on a server that upscales.")]
    public void Plan_LargerThanRegionWithoutCaret_ReturnsBadRequest(string size)
    {
        var result = Plans.V3($"full/{size}/0/default.jpg", limits: Plans.Upscaling);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status(), Is.EqualTo(400));
            Assert.That(result.Error.Parameter, Is.EqualTo("size"));
            Assert.That(result.Error.Message, Does.Contain("^"));
        });
    }

    [TestCase("!2000,3000", 1000, 1000)]
    [TestCase("!1001,1001", 1000, 1000)]
    [TestCase("!1001,5000", 1000, 800)]
    [Description("The validator's size_noup (https://github.com/IIIF/image-validator; our deliberate choice): a non-^ !w,h whose fit exceeds the region is a 400, as the " +
        "official validator requires, although the spec's wording would return the region.")]
    public void Plan_BestFitLargerThanRegionWithoutCaret_ReturnsBadRequest(string size, int width, int height)
    {
        Assert.That(Plans.V3($"full/{size}/0/default.jpg", Plans.Image(width, height), Plans.Upscaling).Status(), Is.EqualTo(400));
    }

    [TestCase("^1200,", "1200x1200")]
    [TestCase("^,1200", "1200x1200")]
    [TestCase("^1200,1200", "1200x1200")]
    [TestCase("^1000,1200", "1000x1200")]
    [TestCase("^pct:200", "2000x2000")]
    [TestCase("^!2000,3000", "2000x2000")]
    [Description("https://iiif.io/api/image/3.0/#42-size: ^ forms that upscale are served at the exact size when the server upscales ...")]
    public void Plan_CaretFormsNeedingUpscaling_WithUpscaling_ReturnExactSize(string size, string expected)
    {
        Assert.That(Plans.V3($"full/{size}/0/default.jpg", limits: Plans.Upscaling).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("^1200,")]
    [TestCase("^,1200")]
    [TestCase("^1200,1200")]
    [TestCase("^1000,1200")]
    [TestCase("^pct:200")]
    [TestCase("^!2000,3000")]
    [Description("... and are a 501 (parameter size) when it does not (https://iiif.io/api/image/3.0/#42-size, https://iiif.io/api/image/3.0/#73-error-conditions).")]
    public void Plan_CaretFormsNeedingUpscaling_WithoutUpscaling_ReturnNotImplemented(string size)
    {
        var result = Plans.V3($"full/{size}/0/default.jpg", limits: Plans.NoUpscaling);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status(), Is.EqualTo(501));
            Assert.That(result.Error.Parameter, Is.EqualTo("size"));
        });
    }

    [TestCase("^!2000,500", "500x500")]
    [TestCase("^pct:50", "500x500")]
    [TestCase("^pct:100", "1000x1000")]
    [TestCase("^500,", "500x500")]
    [TestCase("^,1000", "1000x1000")]
    [TestCase("^400,700", "400x700")]
    [TestCase("^max", "1000x1000")]
    [Description("https://iiif.io/api/image/3.0/#42-size: ^ does not force upscaling; a ^ form needing none is served even without upscaling.")]
    public void Plan_CaretFormsNotNeedingUpscaling_AreServedEitherWay(string size, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Plans.V3($"full/{size}/0/default.jpg", limits: Plans.NoUpscaling).Scaled(), Is.EqualTo(expected));
            Assert.That(Plans.V3($"full/{size}/0/default.jpg", limits: Plans.Upscaling).Scaled(), Is.EqualTo(expected));
        });
    }

    [TestCase("max")]
    [TestCase("^max")]
    [Description("https://iiif.io/api/image/3.0/#42-size: max is never upscaled; ^max with no maxWidth/maxArea is the region's own size.")]
    public void Plan_MaxWithoutLimits_IsRegionSize(string size)
    {
        Assert.That(Plans.V3($"10,10,300,200/{size}/0/default.jpg", limits: Plans.Upscaling).Scaled(), Is.EqualTo("300x200"));
    }

    [TestCase(true, "2000x2000")]
    [TestCase(false, "501")]
    [Description("https://iiif.io/api/image/3.0/#42-size: ^max is as large as the limits permit (here maxWidth 2000), which needs upscaling: " +
        "served with upscaling, 501 without.")]
    public void Plan_CaretMaxWithLimitsAboveRegion_UpscalesToTheLimits(bool allowUpscaling, string expected)
    {
        var limits = new Iiif.Core.Planning.ServerLimits(2000, null, null, allowUpscaling, null);
        Assert.That(Plans.V3("full/^max/0/default.jpg", limits: limits).Scaled(), Is.EqualTo(expected));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: max never upscales, even when the limits are larger than the region.")]
    public void Plan_MaxWithLimitsAboveRegion_IsRegionSize()
    {
        var limits = new Iiif.Core.Planning.ServerLimits(2000, null, null, true, null);
        Assert.That(Plans.V3("full/max/0/default.jpg", limits: limits).Scaled(), Is.EqualTo("1000x1000"));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: size full is not valid in 3.0: 400.")]
    public void Plan_V3Full_ReturnsBadRequest()
    {
        var result = Plans.V3("full/full/0/default.jpg");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status(), Is.EqualTo(400));
            Assert.That(result.Error.Parameter, Is.EqualTo("size"));
        });
    }

    [TestCase("0,")]
    [TestCase(",0")]
    [TestCase("0,0")]
    [TestCase("pct:0")]
    [TestCase("!0,0")]
    [TestCase("^0,")]
    [TestCase("^,0")]
    [TestCase("^pct:0")]
    [TestCase("^!0,0")]
    [TestCase("^0,2000")]
    [Description("https://iiif.io/api/image/3.0/#42-size: a result below 1 px is a 400, with or without ^ (never a 501).")]
    public void Plan_SizeComputingToZero_ReturnsBadRequest(string size)
    {
        Assert.That(Plans.V3($"full/{size}/0/default.jpg", limits: Plans.NoUpscaling).Status(), Is.EqualTo(400));
    }

    [TestCase("1,", 1000, 10)]
    [TestCase(",1", 10, 1000)]
    [TestCase("!1,1000", 1000, 10)]
    [TestCase("pct:1", 1000, 10)]
    [Description("Edge case: w, whose height rounds to 0 (1, on 1000x10) is a 400.")]
    public void Plan_FreeSideRoundingToZero_ReturnsBadRequest(string size, int width, int height)
    {
        Assert.That(Plans.V3($"full/{size}/0/default.jpg", Plans.Image(width, height)).Status(), Is.EqualTo(400));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#44-quality: 3.0 color on a greyscale source must not fail; the quality passes through.")]
    public void Plan_ColorOnGrayscaleSource_Succeeds()
    {
        var gray = new Iiif.Core.Info.ImageInfo(1000, 1000, 1, null, true);
        var plan = Plans.V3("full/max/0/color.jpg", gray).Ok();
        Assert.That(plan.Quality, Is.EqualTo(Iiif.Core.Requests.ImageQuality.Color));
    }
}

namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class SizePlanningV2Tests
{
    [TestCase("full", 1000, 1000, "1000x1000")]
    [TestCase("max", 1000, 1000, "1000x1000")]
    [TestCase("500,", 1000, 1000, "500x500")]
    [TestCase(",250", 1000, 1000, "250x250")]
    [TestCase("pct:50", 1000, 1000, "500x500")]
    [TestCase("400,700", 1000, 1000, "400x700")]
    [TestCase("!500,300", 1000, 1000, "300x300")]
    [TestCase("600,", 1000, 800, "600x480")]
    [TestCase(",400", 1000, 800, "500x400")]
    [TestCase("pct:60", 1000, 800, "600x480")]
    [TestCase("!600,600", 1000, 800, "600x480")]
    [TestCase("!2000,400", 1000, 800, "500x400")]
    [Description("https://iiif.io/api/image/2.1/#42-size: full and max are the region; w, and ,h follow the aspect ratio; pct:n scales both sides; " +
        "w,h is exact; !w,h is the largest aspect-preserving fit inside the box.")]
    public void Plan_SizeForms_GiveTheSpecifiedSize(string size, int width, int height, string expected)
    {
        Assert.That(Plans.V2($"full/{size}/0/default.jpg", Plans.Image(width, height)).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("333,", 1000, 800, "333x266")]
    [TestCase(",333", 1000, 800, "416x333")]
    [TestCase("pct:33.3", 1000, 800, "333x266")]
    [TestCase(",1", 3, 2, "2x1")]
    [TestCase("1,", 2, 3, "1x2")]
    [TestCase("pct:50", 3, 5, "2x3")]
    [TestCase("!2,2", 3, 2, "2x1")]
    [TestCase("!1,2", 2, 3, "1x2")]
    [Description("Ours (the spec leaves rounding to the server): the free side is rounded to nearest, halves away from zero.")]
    public void Plan_FreeSide_IsRoundedToNearest(string size, int width, int height, string expected)
    {
        Assert.That(Plans.V2($"full/{size}/0/default.jpg", Plans.Image(width, height)).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("1200,")]
    [TestCase(",1200")]
    [TestCase("pct:150")]
    [TestCase("1001,1000")]
    [TestCase("1000,1001")]
    [TestCase("pct:100.1")]
    [Description("https://iiif.io/api/image/2.1/#42-size: without sizeAboveFull, a size larger than the region on either side is a 400 (ours).")]
    public void Plan_UpscalingWithoutSizeAboveFull_ReturnsBadRequest(string size)
    {
        var result = Plans.V2($"full/{size}/0/default.jpg", limits: Plans.NoUpscaling);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status(), Is.EqualTo(400));
            Assert.That(result.Error.Parameter, Is.EqualTo("size"));
            Assert.That(result.Error.Message, Does.Contain("sizeAboveFull"));
        });
    }

    [TestCase("1200,", "1200x1200")]
    [TestCase(",1200", "1200x1200")]
    [TestCase("pct:150", "1500x1500")]
    [TestCase("2000,500", "2000x500")]
    [TestCase("!2000,3000", "2000x2000")]
    [TestCase("max", "1000x1000")]
    [TestCase("full", "1000x1000")]
    [Description("https://iiif.io/api/image/2.1/#42-size: with sizeAboveFull, sizes above the region are served at the exact size; max and full " +
        "never upscale.")]
    public void Plan_UpscalingWithSizeAboveFull_ReturnsRequestedSize(string size, string expected)
    {
        Assert.That(Plans.V2($"full/{size}/0/default.jpg", limits: Plans.Upscaling).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("!2000,3000", 1000, 1000, "1000x1000")]
    [TestCase("!3000,2000", 1000, 800, "1000x800")]
    [TestCase("!1001,5000", 1000, 800, "1000x800")]
    [TestCase("!5000,700", 1000, 800, "875x700")]
    [Description("https://iiif.io/api/image/2.1/#42-size (IIIF/api issue 752): !w,h whose box is larger than the region returns the region when " +
        "upscaling is off.")]
    public void Plan_BestFitBoxLargerThanRegionWithoutUpscaling_ReturnsRegionSize(string size, int width, int height, string expected)
    {
        Assert.That(Plans.V2($"full/{size}/0/default.jpg", Plans.Image(width, height)).Scaled(), Is.EqualTo(expected));
    }

    [TestCase("0,", 1000, 1000)]
    [TestCase(",0", 1000, 1000)]
    [TestCase("0,0", 1000, 1000)]
    [TestCase("0,10", 1000, 1000)]
    [TestCase("pct:0", 1000, 1000)]
    [TestCase("pct:0.04", 1000, 1000)]
    [TestCase("!0,0", 1000, 1000)]
    [TestCase("!0,10", 1000, 1000)]
    [TestCase("1,", 1000, 10)]
    [TestCase(",1", 10, 1000)]
    [TestCase("!1,1000", 1000, 10)]
    [Description("https://iiif.io/api/image/2.1/#42-size: a size that computes to 0 px on either side is a 400.")]
    public void Plan_SizeComputingToZero_ReturnsBadRequest(string size, int width, int height)
    {
        var result = Plans.V2($"full/{size}/0/default.jpg", Plans.Image(width, height), Plans.Upscaling);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status(), Is.EqualTo(400));
            Assert.That(result.Error.Parameter, Is.EqualTo("size"));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#42-size: the ^ prefix does not exist in 2.1; a hand-built 2.1 request carrying the flag is planned as without it.")]
    public void Plan_V2RequestWithCaretFlag_IgnoresTheFlag()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Plans.V2("full/^1200,/0/default.jpg").Status(), Is.EqualTo(400));
            Assert.That(Plans.V2("full/^max/0/default.jpg", limits: Plans.Upscaling with { MaxWidth = 2000 }).Scaled(), Is.EqualTo("1000x1000"));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#42-size: sizes apply to the region, not to the image.")]
    public void Plan_SizeOfRegion_ScalesTheRegion()
    {
        Assert.That(Plans.V2("0,0,500,250/pct:50/0/default.jpg").Scaled(), Is.EqualTo("250x125"));
    }
}

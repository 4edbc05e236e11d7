using Iiif.Core.Geometry;
using Iiif.Core.Planning;

namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class RotationPlanningTests
{
    [TestCase("0", 0, 1000, 800)]
    [TestCase("90", 90, 800, 1000)]
    [TestCase("180", 180, 1000, 800)]
    [TestCase("270", 270, 800, 1000)]
    [TestCase("360", 0, 1000, 800)]
    [TestCase("90.000", 90, 800, 1000)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: 90 and 270 swap the dimensions exactly (rotation 90 on 1000x800 gives 800x1000); 0 and " +
        "180 keep them; 360 is the same turn as 0.")]
    public void Plan_QuarterTurns_AreExact(string rotation, int degrees, int width, int height)
    {
        var plan = Plans.V3($"full/max/{rotation}/default.jpg", Plans.Landscape1000x800).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Degrees, Is.EqualTo((decimal)degrees));
            Assert.That(plan.OutputSize, Is.EqualTo(new PixelSize(width, height)));
            Assert.That(plan.Mirror, Is.False);
        });
    }

    [TestCase("!0", 0)]
    [TestCase("!180", 180)]
    [TestCase("!360", 0)]
    [TestCase("!22.5", 22.5)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: !n mirrors first, then rotates by n; !360 is !0.")]
    public void Plan_MirroredRotation_SetsMirrorAndDegrees(string rotation, decimal degrees)
    {
        var plan = Plans.V3($"full/max/{rotation}/default.jpg").Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Mirror, Is.True);
            Assert.That(plan.Degrees, Is.EqualTo(degrees));
        });
    }

    [TestCase(1000, 800, "22.5", 1230, 1122)]
    [TestCase(100, 100, "45", 141, 141)]
    [TestCase(200, 100, "30", 223, 187)]
    [TestCase(1000, 800, "112.5", 1122, 1230)]
    [TestCase(1000, 800, "359.5", 1007, 809)]
    [TestCase(1, 1, "45", 1, 1)]
    [TestCase(10, 1, "0.5", 10, 1)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: arbitrary angles give the tight bounding box W = |w cos| + |h sin|, H = |h cos| + |w sin|, " +
        "rounded to nearest (ours).")]
    public void Plan_ArbitraryRotation_GivesTightBoundingBox(int width, int height, string rotation, int outWidth, int outHeight)
    {
        var plan = Plans.V3($"full/max/{rotation}/default.jpg", Plans.Image(width, height)).Ok();
        Assert.That(plan.OutputSize, Is.EqualTo(new PixelSize(outWidth, outHeight)));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#43-rotation and https://iiif.io/api/image/3.0/#46-order-of-implementation: rotation applies to the size after the size step, not to the region.")]
    public void Plan_Rotation_AppliesToScaledSize()
    {
        var plan = Plans.V3("full/500,/90/default.jpg", Plans.Landscape1000x800).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.ScaledSize, Is.EqualTo(new PixelSize(500, 400)));
            Assert.That(plan.OutputSize, Is.EqualTo(new PixelSize(400, 500)));
        });
    }

    [TestCase(361)]
    [TestCase(-90)]
    [TestCase(360.0001)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: an angle outside [0, 360] is a 400 (parameter rotation), even in a hand-built request.")]
    public void Plan_RotationOutOfRange_ReturnsBadRequest(double degrees)
    {
        var request = RequestBuilder.V3("full/max/0/default.jpg") with { Rotation = new((decimal)degrees, false) };
        var result = RenderPlanner.Plan(request, Plans.Square1000, Plans.NoUpscaling);
        Assert.Multiple(() =>
        {
            Assert.That(result.Status(), Is.EqualTo(400));
            Assert.That(result.Error.Parameter, Is.EqualTo("rotation"));
        });
    }

    [TestCase(0.0001)]
    [TestCase(89.9999)]
    [TestCase(179.99)]
    [TestCase(271.3)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: the whole scaled image always fits; the bounding box is never smaller than the image's " +
        "width or height projection and never 0.")]
    public void Plan_AnyAngle_OutputContainsTheImage(double degrees)
    {
        var request = RequestBuilder.V3("full/640,480/0/default.jpg") with { Rotation = new((decimal)degrees, false) };
        var plan = RenderPlanner.Plan(request, Plans.Square1000, Plans.NoUpscaling).Ok();
        var radians = degrees * Math.PI / 180;
        var exactWidth = (640 * Math.Abs(Math.Cos(radians))) + (480 * Math.Abs(Math.Sin(radians)));
        var exactHeight = (480 * Math.Abs(Math.Cos(radians))) + (640 * Math.Abs(Math.Sin(radians)));
        Assert.Multiple(() =>
        {
            Assert.That(plan.OutputSize.Width, Is.EqualTo(exactWidth).Within(0.5));
            Assert.That(plan.OutputSize.Height, Is.EqualTo(exactHeight).Within(0.5));
        });
    }

    [TestCase("90.0", "90")]
    [TestCase("22.50", "22.5")]
    [TestCase("0.500", "0.5")]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values: the planned angle carries no trailing zeros, so equal angles are equal values.")]
    public void Plan_Degrees_HaveNoTrailingZeros(string rotation, string expected)
    {
        var plan = Plans.V3($"full/max/{rotation}/default.jpg").Ok();
        Assert.That(plan.Degrees.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }
}

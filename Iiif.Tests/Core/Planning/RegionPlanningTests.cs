using Iiif.Core.Errors;
using Iiif.Core.Geometry;

namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class RegionPlanningTests
{
    [TestCase("full", 1000, 800, 0, 0, 1000, 800)]
    [TestCase("square", 1000, 800, 100, 0, 800, 800)]
    [TestCase("square", 800, 1000, 0, 100, 800, 800)]
    [TestCase("square", 1001, 800, 100, 0, 800, 800)]
    [TestCase("square", 1000, 1000, 0, 0, 1000, 1000)]
    [TestCase("!square", 1000, 800, 0, 0, 800, 800)]
    [TestCase("!square", 800, 1000, 0, 0, 800, 800)]
    [TestCase("square!", 1000, 800, 200, 0, 800, 800)]
    [TestCase("square!", 800, 1000, 0, 200, 800, 800)]
    [Description("https://iiif.io/api/image/3.0/#41-region: full is the whole image; square's side is the shorter dimension, centred (offset rounded down); " +
        "the old server's !square and square! sit at the start and end of the long side.")]
    public void Plan_FullAndSquareRegions_ResolveToExpectedRectangle(string region, int width, int height, int x, int y, int w, int h)
    {
        var plan = Plans.V3($"{region}/max/0/default.jpg", Plans.Image(width, height)).Ok();
        Assert.That(plan.SourceRegion, Is.EqualTo(new PixelRect(x, y, w, h)));
    }

    [TestCase("0,0,1000,1000", 0, 0, 1000, 1000)]
    [TestCase("10,20,30,40", 10, 20, 30, 40)]
    [TestCase("900,900,200,200", 900, 900, 100, 100)]
    [TestCase("999,0,5,5", 999, 0, 1, 5)]
    [TestCase("0,0,5000,5000", 0, 0, 1000, 1000)]
    [TestCase("0,0,79228162514264337593543950335,1", 0, 0, 1000, 1)]
    [Description("https://iiif.io/api/image/3.0/#41-region: x,y,w,h in pixels; a region running past the right or bottom edge is clipped, without padding.")]
    public void Plan_PixelRegion_IsClippedToTheImage(string region, int x, int y, int w, int h)
    {
        var plan = Plans.V3($"{region}/max/0/default.jpg").Ok();
        Assert.That(plan.SourceRegion, Is.EqualTo(new PixelRect(x, y, w, h)));
    }

    [TestCase("pct:0,0,100,100", 1000, 800, 0, 0, 1000, 800)]
    [TestCase("pct:10,10,50,50", 1000, 800, 100, 80, 500, 400)]
    [TestCase("pct:90,90,20,20", 1000, 1000, 900, 900, 100, 100)]
    [TestCase("pct:0,0,200,300", 1000, 1000, 0, 0, 1000, 1000)]
    [TestCase("pct:33.33,0,33.34,100", 1000, 1000, 333, 0, 334, 1000)]
    [TestCase("pct:0.05,0,0.05,100", 1000, 1000, 1, 0, 0, 1000)]
    [TestCase("pct:0,0,0.05,100", 1000, 1000, 0, 0, 1, 1000)]
    [TestCase("pct:25,25,50,50", 7, 7, 2, 2, 3, 3)]
    [Description("https://iiif.io/api/image/3.0/#41-region: pct: is resolved against the reported width and height; ours: every edge is rounded to the " +
        "nearest pixel (halves up), so pct:0,0,100,100 is exactly full and the result is clipped like a pixel region.")]
    public void Plan_PercentRegion_RoundsEachEdgeToNearest(string region, int width, int height, int x, int y, int w, int h)
    {
        var result = Plans.V3($"{region}/max/0/default.jpg", Plans.Image(width, height));
        if (w == 0)
        {
            Assert.That(result.Status(), Is.EqualTo(400), "an edge pair rounding onto one pixel is an empty region");
            return;
        }

        Assert.That(result.Ok().SourceRegion, Is.EqualTo(new PixelRect(x, y, w, h)));
    }

    [Test]
    [Description("Ours, https://iiif.io/api/image/3.0/#41-region: rounding edges (not widths) makes neighbouring pct regions share their edges exactly.")]
    public void Plan_AdjacentPercentRegions_ShareEdges()
    {
        var image = Plans.Image(997, 13);
        var edges = Enumerable.Range(0, 8).Select(i => Math.Round(100m / 7 * i, 6)).ToArray();
        var previousRight = 0;
        for (var i = 0; i < 7; i++)
        {
            var left = edges[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            var width = (edges[i + 1] - edges[i]).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var rect = Plans.V3($"pct:{left},0,{width},100/max/0/default.jpg", image).Ok().SourceRegion;
            Assert.That(rect.X, Is.EqualTo(previousRight), $"tile {i}");
            previousRight = rect.Right;
        }

        Assert.That(previousRight, Is.EqualTo(997));
    }

    [TestCase("1000,0,10,10")]
    [TestCase("0,1000,10,10")]
    [TestCase("5000,5000,10,10")]
    [TestCase("pct:100,0,10,10")]
    [TestCase("pct:0,100,10,10")]
    [TestCase("pct:150,0,10,10")]
    [Description("https://iiif.io/api/image/3.0/#41-region: a region entirely outside the image is a 400 (parameter region).")]
    public void Plan_RegionEntirelyOutside_ReturnsBadRequest(string region)
    {
        AssertRegionError(Plans.V3($"{region}/max/0/default.jpg"));
        AssertRegionError(Plans.V2($"{region}/full/0/default.jpg"));
    }

    [TestCase("0,0,0,10")]
    [TestCase("0,0,10,0")]
    [TestCase("pct:0,0,0,50")]
    [TestCase("pct:0,0,50,0")]
    [TestCase("pct:10,10,0.04,10")]
    [TestCase("pct:99.96,0,10,10")]
    [Description("https://iiif.io/api/image/3.0/#41-region: a region of zero width or height (as given, or a pct: region that rounds to 0 px) is a 400.")]
    public void Plan_ZeroSizedRegion_ReturnsBadRequest(string region)
    {
        AssertRegionError(Plans.V3($"{region}/max/0/default.jpg"));
    }

    [TestCase(-1, 0, 10, 10, RegionKindUnderTest.Pixels)]
    [TestCase(1.5, 0, 10, 10, RegionKindUnderTest.Pixels)]
    [TestCase(0, 0, 10.25, 10, RegionKindUnderTest.Pixels)]
    [TestCase(0, -5, 10, 10, RegionKindUnderTest.Percent)]
    [TestCase(0, 0, -10, 10, RegionKindUnderTest.Percent)]
    [Description("https://iiif.io/api/image/3.0/#41-region: negative numbers and decimals in the pixel form are invalid; the planner refuses them with a 400 " +
        "even if a request carrying them is built by hand.")]
    public void Plan_InvalidRegionNumbers_ReturnsBadRequest(double x, double y, double w, double h, RegionKindUnderTest kind)
    {
        var region = new Iiif.Core.Requests.RegionParameter(
            kind == RegionKindUnderTest.Pixels ? Iiif.Core.Requests.RegionKind.Pixels : Iiif.Core.Requests.RegionKind.Percent,
            (decimal)x, (decimal)y, (decimal)w, (decimal)h);
        var request = RequestBuilder.V3("full/max/0/default.jpg") with { Region = region };
        AssertRegionError(Iiif.Core.Planning.RenderPlanner.Plan(request, Plans.Square1000, Plans.NoUpscaling));
    }

    [TestCase("full", true)]
    [TestCase("0,0,1000,1000", true)]
    [TestCase("0,0,2000,2000", true)]
    [TestCase("pct:0,0,100,100", true)]
    [TestCase("square", true)]
    [TestCase("0,0,999,1000", false)]
    [TestCase("1,1,999,999", false)]
    [Description("https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: IsFullRegion is true whenever the clipped region is the whole image, including square on a square image.")]
    public void Plan_RegionCoveringTheImage_IsFullRegion(string region, bool expected)
    {
        Assert.That(Plans.V3($"{region}/max/0/default.jpg").Ok().IsFullRegion, Is.EqualTo(expected));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#41-region: square on a non-square image is not the full image.")]
    public void Plan_SquareOnLandscape_IsNotFullRegion()
    {
        Assert.That(Plans.V3("square/max/0/default.jpg", Plans.Landscape1000x800).Ok().IsFullRegion, Is.False);
    }

    public enum RegionKindUnderTest
    {
        Pixels,
        Percent,
    }

    private static void AssertRegionError(Result<Iiif.Core.Planning.RenderPlan> result)
    {
        Assert.That(result.IsSuccess, Is.False, () => $"expected a region error, got {result}");
        Assert.Multiple(() =>
        {
            Assert.That(result.Error.StatusCode, Is.EqualTo(400));
            Assert.That(result.Error.Parameter, Is.EqualTo("region"));
        });
    }
}

using Iiif.Core.Geometry;
using Iiif.Core.Planning;

namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class AspectFitTests
{
    [TestCase(1000, 800, 600, 600, "600x480")]
    [TestCase(800, 1000, 600, 600, "480x600")]
    [TestCase(1000, 1000, 2000, 500, "500x500")]
    [TestCase(1000, 10, 1, 1000, "1x0")]
    [TestCase(3, 2, 2, 2, "2x1")]
    [Description("https://iiif.io/api/image/2.1/#42-size: !w,h is the largest aspect-preserving size inside the box; the binding side gets the box edge " +
        "exactly and the other is rounded to nearest (a 0 side is left for the caller to refuse).")]
    public void Fit_BoxOnly_BindingSideGetsTheBoxEdge(int width, int height, int boxWidth, int boxHeight, string expected)
    {
        var fit = AspectFit.Fit(new PixelSize(width, height), boxWidth, boxHeight, null, false);
        Assert.That($"{fit.Width}x{fit.Height}", Is.EqualTo(expected));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation step 1: under maxArea the driving (longer) side is the reference estimate " +
        "floor(side * sqrt(maxArea / area)) plus at most one pixel, as large as the limit allows, and the area really holds.")]
    public void Fit_AreaLimit_FollowsTheReferenceEstimateAndHoldsTheLimit()
    {
        var random = new Random(7561);
        for (var i = 0; i < 5000; i++)
        {
            var region = new PixelSize(random.Next(1, 50000), random.Next(1, 50000));
            var area = random.NextInt64(1, region.Area);
            var fit = AspectFit.Fit(region, region.Width, region.Height, area, true);
            var widthDrives = region.Width >= region.Height;
            var driving = widthDrives ? fit.Width : fit.Height;
            long drivingSide = widthDrives ? region.Width : region.Height;
            long otherSide = widthDrives ? region.Height : region.Width;
            var estimate = (long)Math.Floor(drivingSide * Math.Sqrt(area / ((double)region.Width * region.Height)));
            var next = driving + 1;
            var nextOther = Math.Max(1, (long)Math.Round((double)next * otherSide / drivingSide, MidpointRounding.AwayFromZero));
            var context = $"{region} area {area} gave {fit}, estimate {estimate}";
            Assert.That(fit.Area, Is.LessThanOrEqualTo((Int128)area), context);
            Assert.That(fit.Width >= 1 && fit.Height >= 1, Is.True, context);
            Assert.That(driving, Is.LessThanOrEqualTo(estimate + 1), context);
            Assert.That(next > estimate + 1 || next > drivingSide || (Int128)next * nextOther > area, Is.True, context);
        }
    }

    [TestCase(int.MaxValue, 1, 1_000_000L, "1000000x1")]
    [TestCase(1, int.MaxValue, 1_000_000L, "1x1000000")]
    [TestCase(1000, 3, 2200L, "833x2")]
    [TestCase(1000, 3, 1500L, "708x2")]
    [Description("Ours, https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: when the short side is held at 1 px or rounds up, the long side is cut back (by binary " +
        "search, not pixel by pixel) until the area limit really holds.")]
    public void Fit_AreaLimitOnExtremeAspect_CutsTheLongSideBack(int width, int height, long area, string expected)
    {
        var fit = AspectFit.Fit(new PixelSize(width, height), width, height, area, true);
        Assert.That($"{fit.Width}x{fit.Height}", Is.EqualTo(expected));
    }
}

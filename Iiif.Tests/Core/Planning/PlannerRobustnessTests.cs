using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Planning;

/// <summary>The planner takes any request its parameter types can hold: extreme numbers give a 400 or a valid plan, never an
/// exception (client mistakes are values, not exceptions).</summary>
[TestFixture]
public class PlannerRobustnessTests
{
    private static readonly RegionParameter[] Regions =
    [
        RegionParameter.Full,
        new(RegionKind.Square, 0, 0, 0, 0),
        new(RegionKind.Pixels, 0, 0, 1, 1),
        new(RegionKind.Pixels, 0, 0, int.MaxValue, int.MaxValue),
        new(RegionKind.Pixels, decimal.MaxValue, 0, decimal.MaxValue, decimal.MaxValue),
        new(RegionKind.Pixels, 0, 0, decimal.MaxValue, decimal.MaxValue),
        new(RegionKind.Percent, 0, 0, decimal.MaxValue, decimal.MaxValue),
        new(RegionKind.Percent, 99.9999999999m, 0, decimal.MaxValue, 100),
        new(RegionKind.Percent, 0, 0, 0.0000000001m, 100),
        new((RegionKind)99, 0, 0, 1, 1),
    ];

    private static readonly SizeParameter[] Sizes =
    [
        SizeParameter.Max,
        new(SizeKind.Max, null, null, 0, true),
        new(SizeKind.Full, null, null, 0, false),
        new(SizeKind.Width, int.MaxValue, null, 0, false),
        new(SizeKind.Width, int.MaxValue, null, 0, true),
        new(SizeKind.Height, null, int.MaxValue, 0, true),
        new(SizeKind.Exact, int.MaxValue, int.MaxValue, 0, true),
        new(SizeKind.BestFit, int.MaxValue, int.MaxValue, 0, true),
        new(SizeKind.BestFit, int.MaxValue, 1, 0, false),
        new(SizeKind.Percent, null, null, decimal.MaxValue, true),
        new(SizeKind.Percent, null, null, 0.0000000001m, true),
        new(SizeKind.Percent, null, null, -5, true),
        new(SizeKind.Width, null, null, 0, false),
        new(SizeKind.Exact, -3, 5, 0, true),
        new(SizeKind.BestFit, null, 5, 0, false),
        new((SizeKind)99, 1, 1, 1, false),
    ];

    private static readonly RotationParameter[] Rotations = [RotationParameter.None, new(22.5m, true), new(360, false), new(359.9999999m, false)];

    private static readonly ImageInfo[] Images =
        [Plans.Image(1, 1), Plans.Image(int.MaxValue, 1, 40), Plans.Image(1, int.MaxValue), Plans.Image(46341, 46341, 8)];

    private static readonly ServerLimits[] AllLimits =
    [
        ServerLimits.Unlimited,
        new(null, null, null, true, null),
        new(1, 1, 1, true, 1m),
        new(int.MaxValue, int.MaxValue, long.MaxValue, true, decimal.MaxValue),
        new(4096, null, 16_777_216, true, 2m),
        new(null, null, 1_000_000, true, null),
    ];

    [TestCase(ApiVersion.V2)]
    [TestCase(ApiVersion.V3)]
    [Description("https://iiif.io/api/image/3.0/#73-error-conditions: any request built from representable parameter values gets a plan or an error, never an " +
        "exception; every plan has sides of at least 1 px within the limits, and a canonical form.")]
    public void Plan_ExtremeValues_NeverThrowAndPlansAreValid(ApiVersion version)
    {
        var plans = 0;
        foreach (var info in Images)
        {
            foreach (var limits in AllLimits)
            {
                foreach (var request in Requests(version))
                {
                    var result = RenderPlanner.Plan(request, info, limits);
                    if (!result.IsSuccess)
                    {
                        Assert.That(result.Error.StatusCode, Is.AnyOf(400, 501), result.ToString());
                        continue;
                    }

                    AssertValid(result.Value!, limits);
                    plans++;
                }
            }
        }

        Assert.That(plans, Is.GreaterThan(100));
    }

    [Test]
    [Description("Public boundary guards: null arguments, an empty image and limits below 1 are programming errors.")]
    public void Plan_InvalidArguments_Throw()
    {
        var request = RequestBuilder.V3("full/max/0/default.jpg");
        Assert.Multiple(() =>
        {
            Assert.That(() => RenderPlanner.Plan(null!, Plans.Square1000, Plans.NoUpscaling), Throws.ArgumentNullException);
            Assert.That(() => RenderPlanner.Plan(request, null!, Plans.NoUpscaling), Throws.ArgumentNullException);
            Assert.That(() => RenderPlanner.Plan(request, Plans.Image(0, 10), Plans.NoUpscaling), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => RenderPlanner.Plan(request, Plans.Image(10, 10, 0), Plans.NoUpscaling), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => RenderPlanner.Plan(request, Plans.Square1000, new ServerLimits(0, null, null, false, null)),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => RenderPlanner.Plan(request, Plans.Square1000, new ServerLimits(null, null, null, true, 0.5m)),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    [Description("RenderPlan: the request, quality and format pass through unchanged.")]
    public void Plan_RequestQualityAndFormat_PassThrough()
    {
        var request = RequestBuilder.V3("full/max/0/bitonal.webp");
        var plan = RenderPlanner.Plan(request, Plans.Square1000, Plans.NoUpscaling).Ok();
        Assert.Multiple(() =>
        {
            Assert.That(plan.Request, Is.SameAs(request));
            Assert.That(plan.Quality, Is.EqualTo(ImageQuality.Bitonal));
            Assert.That(plan.Format, Is.EqualTo(ImageFormat.Webp));
        });
    }

    private static IEnumerable<ImageRequest> Requests(ApiVersion version) =>
        from region in Regions
        from size in Sizes
        from rotation in Rotations
        select new ImageRequest(version, new ImageIdentifier("x"), region, size, rotation, ImageQuality.Default, ImageFormat.Jpg);

    private static void AssertValid(RenderPlan plan, ServerLimits limits)
    {
        var context = plan.ToString();
        Assert.That(plan.ScaledSize.Width, Is.InRange(1, limits.MaxWidth ?? int.MaxValue), context);
        Assert.That(plan.ScaledSize.Height, Is.InRange(1, limits.EffectiveMaxHeight ?? int.MaxValue), context);
        Assert.That(plan.ScaledSize.Area, Is.LessThanOrEqualTo(limits.MaxArea ?? long.MaxValue), context);
        Assert.That(plan.OutputSize.Width, Is.GreaterThanOrEqualTo(1), context);
        Assert.That(plan.OutputSize.Height, Is.GreaterThanOrEqualTo(1), context);
        Assert.That(plan.Degrees, Is.InRange(0m, 359.9999999999m), context);
        Assert.That(plan.SourceRegion.Width, Is.GreaterThanOrEqualTo(1), context);
        Assert.That(CanonicalImageRequest.Format(plan), Is.Not.Empty, context);
    }
}

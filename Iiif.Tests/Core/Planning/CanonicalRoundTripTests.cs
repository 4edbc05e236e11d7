using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Planning;

/// <summary>The canonical form must name the same image: planning it again gives the same geometry and the same canonical
/// form (https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: "many equivalent spellings of one request"; a cache keyed on it must never mix two images).</summary>
[TestFixture]
public class CanonicalRoundTripTests
{
    private static readonly string[] Regions =
        ["full", "square", "!square", "square!", "0,0,1,1", "10,20,333,222", "900,700,500,500", "pct:10,10,50,50", "pct:33.3,0,33.4,100"];

    private static readonly string[] Sizes =
        ["max", "^max", "full", "1,", ",1", "123,", ",77", "300,", "pct:37.5", "^pct:150", "400,700", "^450,460", "!200,200", "!5000,300",
         "^!2000,2000", "^!50,5000", "2000,", "^2000,"];

    private static readonly string[] Rotations = ["0", "90", "!180", "22.5", "!0.5", "360"];

    private static readonly ImageInfo[] Images =
        [Plans.Image(1000, 800), Plans.Image(801, 1203), Plans.Image(7, 3), Plans.Image(4000, 4000, 5), Plans.Image(1000, 10)];

    private static readonly ServerLimits[] AllLimits =
    [
        ServerLimits.Unlimited,
        new(null, null, null, true, null),
        new(512, null, null, false, null),
        new(640, 480, 200_000, true, 3m),
        new(null, null, 90_000, true, null),
    ];

    [TestCase(ApiVersion.V2)]
    [TestCase(ApiVersion.V3)]
    [Description("https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: the canonical form of any plan re-plans to the same region, size and rotation, and is its own " +
        "canonical form.")]
    public void Format_CanonicalReplanned_GivesTheSamePlanAndForm(ApiVersion version)
    {
        var checkedPlans = 0;
        foreach (var info in Images)
        {
            foreach (var limits in AllLimits)
            {
                foreach (var tail in Tails())
                {
                    var first = Plans.Plan(version, tail, info, limits);
                    if (!first.IsSuccess)
                    {
                        continue;
                    }

                    var canonical = CanonicalImageRequest.Format(first.Value!);
                    var second = Plans.Plan(version, canonical, info, limits);
                    string Context() => $"{version} {tail} on {info.Width}x{info.Height} under {limits} -> {canonical} -> {second}";
                    Assert.That(second.IsSuccess, Is.True, Context);
                    Assert.That(Geometry(second.Value!), Is.EqualTo(Geometry(first.Value!)), Context);
                    Assert.That(CanonicalImageRequest.Format(second.Value!), Is.EqualTo(canonical), Context);
                    checkedPlans++;
                }
            }
        }

        Assert.That(checkedPlans, Is.GreaterThan(500), "the table must exercise many successful plans");
    }

    private static (PixelRect, PixelSize, PixelSize, bool, decimal) Geometry(RenderPlan plan) =>
        (plan.SourceRegion, plan.ScaledSize, plan.OutputSize, plan.Mirror, plan.Degrees);

    private static IEnumerable<string> Tails() =>
        from region in Regions
        from size in Sizes
        from rotation in Rotations
        select $"{region}/{size}/{rotation}/default.jpg";
}

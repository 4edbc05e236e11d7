using System.Globalization;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Planning;

/// <summary>Every edge case servers get tested on (the official validator's checks and the spec's SHOULDs) that the planner decides. The image is 1000x1000
/// unless the row names another. Expected is "region:WxH", "size:WxH", "output:WxH" or an HTTP status.</summary>
[TestFixture]
public class SpecEdgeCaseTests
{
    private const ApiVersion V2 = ApiVersion.V2;
    private const ApiVersion V3 = ApiVersion.V3;

    [TestCase(V3, "900,900,200,200/max/0/default.jpg", "1000x1000", "none", "region:100x100", Description = "Edge case: clipped at the edge")]
    [TestCase(V3, "pct:90,90,20,20/max/0/default.jpg", "1000x1000", "none", "region:100x100", Description = "Edge case: pct clipped")]
    [TestCase(V3, "1000,0,10,10/max/0/default.jpg", "1000x1000", "none", "400", Description = "Edge case: entirely outside")]
    [TestCase(V3, "0,1000,10,10/max/0/default.jpg", "1000x1000", "none", "400", Description = "Edge case: entirely outside")]
    [TestCase(V3, "0,0,0,10/max/0/default.jpg", "1000x1000", "none", "400", Description = "Edge case: zero width")]
    [TestCase(V3, "pct:0,0,0,50/max/0/default.jpg", "1000x1000", "none", "400", Description = "Edge case: zero width (pct)")]
    [TestCase(V3, "square/max/0/default.jpg", "1000x800", "none", "region:800x800", Description = "Edge case: square on 1000x800")]
    [TestCase(V2, "square/full/0/default.jpg", "1000x800", "none", "region:800x800", Description = "Edge case: square on 1000x800 (2.1)")]
    public void Plan_RegionEdgeCases(ApiVersion version, string tail, string image, string limits, string expected) =>
        Check(version, tail, image, limits, expected);

    [TestCase(V3, "full/0,/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: zero result")]
    [TestCase(V3, "full/,0/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: zero result")]
    [TestCase(V3, "full/0,0/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: zero result")]
    [TestCase(V3, "full/pct:0/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: zero result")]
    [TestCase(V3, "full/!0,0/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: zero result")]
    [TestCase(V2, "full/0,/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: zero result (2.1)")]
    [TestCase(V2, "full/pct:0/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: zero result (2.1)")]
    [TestCase(V2, "full/!0,0/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: zero result (2.1)")]
    [TestCase(V3, "full/1,/0/default.jpg", "1000x10", "none", "400", Description = "Edge case: w, whose height rounds to 0")]
    [TestCase(V2, "full/1,/0/default.jpg", "1000x10", "none", "400", Description = "Edge case: w, whose height rounds to 0 (2.1)")]
    [TestCase(V3, "full/full/0/default.jpg", "1000x1000", "none", "400", Description = "Edge case: 3.0 size full")]
    [TestCase(V3, "full/1200,/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: 3.0 upscale without ^")]
    [TestCase(V3, "full/,1200/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: 3.0 upscale without ^")]
    [TestCase(V3, "full/1200,1200/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: 3.0 upscale without ^")]
    [TestCase(V3, "full/pct:150/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: 3.0 upscale without ^")]
    [TestCase(V3, "full/pct:200/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: 3.0 upscale without ^ (validator pct:200)")]
    [TestCase(V3, "full/1100,/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: 3.0 upscale without ^ (validator 1100-2000)")]
    [TestCase(V3, "full/2000,/0/default.jpg", "1000x1000", "up", "400", Description = "Edge case: 3.0 upscale without ^ (validator 1100-2000)")]
    [TestCase(V3, "full/!2000,3000/0/default.jpg", "1000x1000", "up", "400", Description = "Validator size_noup (https://github.com/IIIF/image-validator): our deliberate choice")]
    [TestCase(V3, "full/^1200,/0/default.jpg", "1000x1000", "up", "size:1200x1200", Description = "Edge case: ^ with sizeUpscaling")]
    [TestCase(V3, "full/^,1200/0/default.jpg", "1000x1000", "up", "size:1200x1200", Description = "Edge case: ^ with sizeUpscaling")]
    [TestCase(V3, "full/^1200,1200/0/default.jpg", "1000x1000", "up", "size:1200x1200", Description = "Edge case: ^ with sizeUpscaling")]
    [TestCase(V3, "full/^pct:200/0/default.jpg", "1000x1000", "up", "size:2000x2000", Description = "Edge case: ^ with sizeUpscaling")]
    [TestCase(V3, "full/^!2000,3000/0/default.jpg", "1000x1000", "up", "size:2000x2000", Description = "Edge case: ^ with sizeUpscaling")]
    [TestCase(V3, "full/^1200,/0/default.jpg", "1000x1000", "none", "501", Description = "Edge case: ^ without sizeUpscaling")]
    [TestCase(V3, "full/^,1200/0/default.jpg", "1000x1000", "none", "501", Description = "Edge case: ^ without sizeUpscaling")]
    [TestCase(V3, "full/^1200,1200/0/default.jpg", "1000x1000", "none", "501", Description = "Edge case: ^ without sizeUpscaling")]
    [TestCase(V3, "full/^pct:200/0/default.jpg", "1000x1000", "none", "501", Description = "Edge case: ^ without sizeUpscaling")]
    [TestCase(V3, "full/^!2000,3000/0/default.jpg", "1000x1000", "none", "501", Description = "Edge case: ^ without sizeUpscaling")]
    [TestCase(V3, "full/^!2000,500/0/default.jpg", "1000x1000", "up", "size:500x500", Description = "Edge case: ^!2000,500")]
    [TestCase(V3, "full/^pct:50/0/default.jpg", "1000x1000", "none", "size:500x500", Description = "Edge case: ^ does not force upscaling")]
    [TestCase(V3, "full/^max/0/default.jpg", "1000x1000", "up", "size:1000x1000", Description = "Validator edge case (https://github.com/IIIF/image-validator): ^max with no max* limit (validator's 1000x1000)")]
    [TestCase(V3, "full/^max/0/default.jpg", "1000x1000", "up2000", "size:2000x2000", Description = "Edge case: ^max as big as the limits allow")]
    [TestCase(V3, "full/600,/0/default.jpg", "1000x1000", "limits", "400", Description = "Edge case: 3.0 size over maxWidth")]
    [TestCase(V3, "full/450,450/0/default.jpg", "1000x1000", "limits", "400", Description = "Edge case: 3.0 size over maxArea")]
    [TestCase(V3, "full/max/0/default.jpg", "4000x3000", "limits", "size:500x375", Description = "Edge case: max on an image bigger than the limits")]
    [TestCase(V2, "full/1200,/0/default.jpg", "1000x1000", "none", "400", Description = "Edge case: 2.1 1200, without sizeAboveFull")]
    [TestCase(V2, "full/1200,/0/default.jpg", "1000x1000", "up", "size:1200x1200", Description = "Edge case: 2.1 1200, with sizeAboveFull")]
    [TestCase(V2, "full/!2000,3000/0/default.jpg", "1000x1000", "none", "size:1000x1000", Description = "Edge case: 2.1 !2000,3000")]
    [TestCase(V2, "full/!2000,3000/0/default.jpg", "1000x1000", "up", "size:2000x2000", Description = "Edge case: 2.1 !2000,3000 with sizeAboveFull")]
    [TestCase(V3, "full/400,700/0/default.jpg", "1000x1000", "none", "size:400x700", Description = "Edge case: w,h distorting")]
    [TestCase(V2, "full/400,700/0/default.jpg", "1000x1000", "none", "size:400x700", Description = "Edge case: w,h distorting (2.1)")]
    [TestCase(V3, "full/300,/0/default.jpg", "1000x800", "none", "size:300x240", Description = "Edge case: w, exact width")]
    [TestCase(V3, "full/,300/0/default.jpg", "1000x800", "none", "size:375x300", Description = "Edge case: ,h exact height")]
    public void Plan_SizeEdgeCases(ApiVersion version, string tail, string image, string limits, string expected) =>
        Check(version, tail, image, limits, expected);

    [TestCase(V3, "full/max/90/default.jpg", "1000x800", "none", "output:800x1000", Description = "Edge case: rotation 90 on 1000x800")]
    [TestCase(V3, "full/max/270/default.jpg", "1000x800", "none", "output:800x1000", Description = "Edge case: 90/180/270")]
    [TestCase(V3, "full/max/180/default.jpg", "1000x800", "none", "output:1000x800", Description = "Edge case: 90/180/270")]
    [TestCase(V3, "full/max/360/default.jpg", "1000x800", "none", "output:1000x800", Description = "Edge case: rotation 360 is valid")]
    [TestCase(V3, "full/max/!0/default.jpg", "1000x800", "none", "output:1000x800", Description = "Edge case: !0 mirror")]
    [TestCase(V3, "full/max/!180/default.jpg", "1000x800", "none", "output:1000x800", Description = "Edge case: !180 mirror then 180")]
    [TestCase(V3, "full/max/0/color.jpg", "gray", "none", "size:1000x1000", Description = "Edge case: 3.0 color on a greyscale source")]
    public void Plan_RotationAndQualityEdgeCases(ApiVersion version, string tail, string image, string limits, string expected) =>
        Check(version, tail, image, limits, expected);

    [TestCase("!0", true, 0)]
    [TestCase("!180", true, 180)]
    [TestCase("360", false, 0)]
    [Description("Edge case: !0 is a left-right mirror, !180 mirror then 180, 360 the same as 0.")]
    public void Plan_MirrorEdgeCases_SetMirrorAndAngle(string rotation, bool mirror, int degrees)
    {
        var plan = Plans.V3($"full/max/{rotation}/default.jpg").Ok();
        Assert.That((plan.Mirror, plan.Degrees), Is.EqualTo((mirror, (decimal)degrees)));
    }

    private static void Check(ApiVersion version, string tail, string image, string limits, string expected)
    {
        var result = RenderPlanner.Plan(RequestBuilder.Build(version, tail), Image(image), Limits(limits));
        var colon = expected.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            Assert.That(result.Status(), Is.EqualTo(int.Parse(expected, CultureInfo.InvariantCulture)), () => result.ToString());
            return;
        }

        var plan = result.Ok();
        var actual = expected[..colon] switch
        {
            "region" => plan.SourceRegion.Size,
            "size" => plan.ScaledSize,
            _ => plan.OutputSize,
        };
        Assert.That(actual.ToString(), Is.EqualTo(expected[(colon + 1)..]));
    }

    private static ImageInfo Image(string name)
    {
        if (name == "gray")
        {
            return new ImageInfo(1000, 1000, 1, null, true);
        }

        var parts = name.Split('x');
        return Plans.Image(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static ServerLimits Limits(string name) => name switch
    {
        "none" => Plans.NoUpscaling,
        "up" => Plans.Upscaling,
        "up2000" => new ServerLimits(2000, null, null, true, null),
        "limits" => new ServerLimits(500, null, 200_000, true, null),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown limits"),
    };
}

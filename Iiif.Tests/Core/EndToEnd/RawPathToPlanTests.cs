using Iiif.Core.Errors;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.EndToEnd;

/// <summary>Digest §7 rows decided by Core as a whole: a raw request path (as Kestrel's RawTarget gives it, prefix removed)
/// goes through the path parser, the parameter parser and the planner, and the first error found decides the status
/// (digest §5.2: error detection order is unspecified). The image is 1000x1000 unless noted.</summary>
[TestFixture]
public class RawPathToPlanTests
{
    private static readonly ImageInfo Square = new(1000, 1000, 4, null, false);
    private static readonly ImageInfo Landscape = new(1000, 800, 4, null, false);
    private static readonly ServerLimits NoUpscaling = ServerLimits.Unlimited;
    private static readonly ServerLimits Upscaling = new(5000, null, null, true, null);

    [TestCase(ApiVersion.V3, "/abc/900,900,200,200/max/0/default.jpg", "100x100", Description = "§2.1: a region past the edge is clipped")]
    [TestCase(ApiVersion.V3, "/abc/pct:90,90,20,20/max/0/default.jpg", "100x100", Description = "§2.1: pct region clipped")]
    [TestCase(ApiVersion.V3, "/abc/full/400,700/0/default.jpg", "400x700", Description = "§2.2.2: w,h may distort")]
    [TestCase(ApiVersion.V2, "/abc/full/400,700/0/default.jpg", "400x700", Description = "§4.1: 2.1 sizeByDistortedWh")]
    [TestCase(ApiVersion.V3, "/abc/full/%5Epct:50/0/default.jpg", "500x500", Description = "§2.2.2: ^pct:50 needs no upscaling; %5E is ^")]
    [TestCase(ApiVersion.V2, "/abc/full/!2000,3000/0/default.jpg", "1000x1000", Description = "§2.2.1: 2.1 !w,h box larger than the region")]
    [TestCase(ApiVersion.V3, "/abc/full/max/360/default.jpg", "1000x1000", Description = "§2.3: 360 is valid")]
    [TestCase(ApiVersion.V3, "/ab%2Dc/full/max/22.5/gray.png", "1307x1307", Description = "§1.1 %2D is '-'; §2.3 bounding box: 1000(cos 22.5 + sin 22.5) = 1306.6")]
    public void Plan_ValidRawPath_GivesOutputSize(ApiVersion version, string rawPath, string expectedOutput)
    {
        var plan = PlanRaw(version, rawPath, Square, NoUpscaling);
        Assert.That(plan.IsSuccess, Is.True, () => plan.ToString());
        Assert.That(plan.Value!.OutputSize.ToString(), Is.EqualTo(expectedOutput));
    }

    [TestCase(ApiVersion.V3, "/abc/1000,0,10,10/max/0/default.jpg", 400, Description = "§2.1: entirely outside")]
    [TestCase(ApiVersion.V3, "/abc/0,0,0,10/max/0/default.jpg", 400, Description = "§2.1: zero width")]
    [TestCase(ApiVersion.V3, "/abc/-1,0,10,10/max/0/default.jpg", 400, Description = "§2.1: negative")]
    [TestCase(ApiVersion.V3, "/abc/1.5,0,10,10/max/0/default.jpg", 400, Description = "§2.1: decimal pixels")]
    [TestCase(ApiVersion.V3, "/abc/0,0,10/max/0/default.jpg", 400, Description = "§2.1: wrong comma count")]
    [TestCase(ApiVersion.V3, "/abc/full/full/0/default.jpg", 400, Description = "§2.2.2: full is invalid in 3.0")]
    [TestCase(ApiVersion.V3, "/abc/full/1200,/0/default.jpg", 400, Description = "§2.2.2: no upscaling without ^")]
    [TestCase(ApiVersion.V3, "/abc/full/%5E1200,/0/default.jpg", 501, Description = "§2.2.2: ^ upscaling on a server without it")]
    [TestCase(ApiVersion.V2, "/abc/full/1200,/0/default.jpg", 400, Description = "§2.2.1: 2.1 without sizeAboveFull")]
    [TestCase(ApiVersion.V3, "/abc/full/0,/0/default.jpg", 400, Description = "§2.2: zero result")]
    [TestCase(ApiVersion.V3, "/abc/full/max/361/default.jpg", 400, Description = "§2.3: out of range")]
    [TestCase(ApiVersion.V3, "/abc/full/max/-90/default.jpg", 400, Description = "§2.3: negative")]
    [TestCase(ApiVersion.V3, "/abc/full/max/+90/default.jpg", 400, Description = "§2.3: sign")]
    [TestCase(ApiVersion.V3, "/abc/full/max/!/default.jpg", 400, Description = "§2.3: mirror without degrees")]
    [TestCase(ApiVersion.V3, "/abc/full/max/0/grey.jpg", 400, Description = "§2.4: grey is not a quality")]
    [TestCase(ApiVersion.V2, "/abc/full/max/0/native.jpg", 400, Description = "§2.4: native is 1.x only")]
    [TestCase(ApiVersion.V3, "/abc/full/max/0/default.jpeg", 400, Description = "§2.5: jpeg is not a format")]
    [TestCase(ApiVersion.V3, "/abc/full/max/0/default.JPG", 400, Description = "§2.5: case-sensitive (ours)")]
    [TestCase(ApiVersion.V3, "/abc/full/max/0/default", 400, Description = "§2.5: format is required")]
    [TestCase(ApiVersion.V3, "/abc/%5B%5D%3C%3E@/max/0/default.jpg", 400, Description = "§7: junk region gives 400 exactly")]
    [TestCase(ApiVersion.V3, "/abc/full/;:=%60_/0/default.jpg", 400, Description = "§7: junk size gives 400 exactly")]
    [TestCase(ApiVersion.V3, "/a/b/full/max/0/default.jpg", 404, Description = "§1.1: a raw slash in the identifier is another resource")]
    [TestCase(ApiVersion.V3, "/..%2F..%2Fetc%2Fpasswd/full/max/0/default.jpg", 400, Description = "§1.1: traversal refused")]
    [TestCase(ApiVersion.V3, "/abc%00/full/max/0/default.jpg", 400, Description = "§1.1: NUL refused")]
    [TestCase(ApiVersion.V3, "/%2Fetc%2Fpasswd/full/max/0/default.jpg", 400, Description = "§1.1: absolute path refused")]
    public void Plan_BadRawPath_GivesStatus(ApiVersion version, string rawPath, int expectedStatus)
    {
        var plan = PlanRaw(version, rawPath, Square, NoUpscaling);
        Assert.That(plan.IsSuccess, Is.False, () => plan.ToString());
        Assert.That(plan.Error.StatusCode, Is.EqualTo(expectedStatus), () => plan.Error.ToString());
    }

    [TestCase(ApiVersion.V3, "/abc/full/^1200,/0/default.jpg", "1200x1200", Description = "§2.2.2: ^w, with sizeUpscaling")]
    [TestCase(ApiVersion.V2, "/abc/full/1200,/0/default.jpg", "1200x1200", Description = "§2.2.1: 2.1 with sizeAboveFull")]
    public void Plan_UpscalingServer_Upscales(ApiVersion version, string rawPath, string expectedOutput)
    {
        var plan = PlanRaw(version, rawPath, Square, Upscaling);
        Assert.That(plan.Value!.OutputSize.ToString(), Is.EqualTo(expectedOutput));
    }

    [TestCase(ApiVersion.V3, "/abc/pct:10,10,50,50/,200/90.0/default.png", "100,80,500,400/250,200/90/default.png",
        Description = "§2.7: the digest's own canonical example (1000x800)")]
    [TestCase(ApiVersion.V3, "/abc/0,0,1000,800/600,480/0/default.jpg", "full/600,480/0/default.jpg", Description = "§2.7: 3.0 w,h")]
    [TestCase(ApiVersion.V3, "/abc/full/!600,600/0/default.jpg", "full/600,480/0/default.jpg", Description = "§2.7: 3.0 !w,h")]
    [TestCase(ApiVersion.V3, "/abc/full/pct:100/0/default.jpg", "full/max/0/default.jpg", Description = "§2.7: 3.0 max")]
    [TestCase(ApiVersion.V2, "/abc/full/pct:60/0/default.jpg", "full/600,/0/default.jpg", Description = "§2.7: 2.1 w,")]
    [TestCase(ApiVersion.V2, "/abc/full/!600,600/0/default.jpg", "full/600,/0/default.jpg", Description = "§2.7: 2.1 w,")]
    [TestCase(ApiVersion.V2, "/abc/full/max/!0.50/default.jpg", "full/full/!0.5/default.jpg", Description = "§2.7: 2.1 full, decimals")]
    public void Canonical_RawPath_GivesCanonicalFormThatRoundTrips(ApiVersion version, string rawPath, string expected)
    {
        var plan = PlanRaw(version, rawPath, Landscape, NoUpscaling);
        var canonical = CanonicalImageRequest.Format(plan.Value!);
        Assert.That(canonical, Is.EqualTo(expected));

        var again = PlanRaw(version, "/abc/" + canonical, Landscape, NoUpscaling);
        Assert.That(CanonicalImageRequest.Format(again.Value!), Is.EqualTo(canonical), "the canonical form is a fixed point");
        Assert.That(again.Value!.OutputSize, Is.EqualTo(plan.Value!.OutputSize));
    }

    private static Result<RenderPlan> PlanRaw(ApiVersion version, string rawPath, ImageInfo info, ServerLimits limits)
    {
        var path = IiifPathParser.Parse(rawPath);
        if (!path.IsSuccess)
        {
            return path.Error;
        }

        var request = ImageRequestParser.Parse(version, path.Value);
        return request.IsSuccess ? RenderPlanner.Plan(request.Value, info, limits) : request.Error;
    }
}

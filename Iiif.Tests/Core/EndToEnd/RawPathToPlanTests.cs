using Iiif.Core.Errors;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.EndToEnd;

/// <summary>Edge cases decided by Core as a whole: a raw request path (as Kestrel's RawTarget gives it, prefix removed)
/// goes through the path parser, the parameter parser and the planner, and the first error found decides the status
/// (https://iiif.io/api/image/3.0/#73-error-conditions: error detection order is unspecified). The image is 1000x1000 unless noted.</summary>
[TestFixture]
public class RawPathToPlanTests
{
    private static readonly ImageInfo Square = new(1000, 1000, 4, null, false);
    private static readonly ImageInfo Landscape = new(1000, 800, 4, null, false);
    private static readonly ServerLimits NoUpscaling = ServerLimits.Unlimited;
    private static readonly ServerLimits Upscaling = new(5000, null, null, true, null);

    [TestCase(ApiVersion.V3, "/abc/900,900,200,200/max/0/default.jpg", "100x100", Description = "https://iiif.io/api/image/3.0/#41-region: a region past the edge is clipped")]
    [TestCase(ApiVersion.V3, "/abc/pct:90,90,20,20/max/0/default.jpg", "100x100", Description = "https://iiif.io/api/image/3.0/#41-region: pct region clipped")]
    [TestCase(ApiVersion.V3, "/abc/full/400,700/0/default.jpg", "400x700", Description = "https://iiif.io/api/image/3.0/#42-size: w,h may distort")]
    [TestCase(ApiVersion.V2, "/abc/full/400,700/0/default.jpg", "400x700", Description = "https://iiif.io/api/image/3.0/#57-extra-functionality: 2.1 sizeByDistortedWh")]
    [TestCase(ApiVersion.V3, "/abc/full/%5Epct:50/0/default.jpg", "500x500", Description = "https://iiif.io/api/image/3.0/#42-size: ^pct:50 needs no upscaling; %5E is ^")]
    [TestCase(ApiVersion.V2, "/abc/full/!2000,3000/0/default.jpg", "1000x1000", Description = "https://iiif.io/api/image/2.1/#42-size: 2.1 !w,h box larger than the region")]
    [TestCase(ApiVersion.V3, "/abc/full/max/360/default.jpg", "1000x1000", Description = "https://iiif.io/api/image/3.0/#43-rotation: 360 is valid")]
    [TestCase(ApiVersion.V3, "/ab%2Dc/full/max/22.5/gray.png", "1307x1307", Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding %2D is '-'; https://iiif.io/api/image/3.0/#43-rotation bounding box: 1000(cos 22.5 + sin 22.5) = 1306.6")]
    public void Plan_ValidRawPath_GivesOutputSize(ApiVersion version, string rawPath, string expectedOutput)
    {
        var plan = PlanRaw(version, rawPath, Square, NoUpscaling);
        Assert.That(plan.IsSuccess, Is.True, () => plan.ToString());
        Assert.That(plan.Value!.OutputSize.ToString(), Is.EqualTo(expectedOutput));
    }

    [TestCase(ApiVersion.V3, "/abc/1000,0,10,10/max/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#41-region: entirely outside")]
    [TestCase(ApiVersion.V3, "/abc/0,0,0,10/max/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#41-region: zero width")]
    [TestCase(ApiVersion.V3, "/abc/-1,0,10,10/max/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#41-region: negative")]
    [TestCase(ApiVersion.V3, "/abc/1.5,0,10,10/max/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#41-region: decimal pixels")]
    [TestCase(ApiVersion.V3, "/abc/0,0,10/max/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#41-region: wrong comma count")]
    [TestCase(ApiVersion.V3, "/abc/full/full/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#42-size: full is invalid in 3.0")]
    [TestCase(ApiVersion.V3, "/abc/full/1200,/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#42-size: no upscaling without ^")]
    [TestCase(ApiVersion.V3, "/abc/full/%5E1200,/0/default.jpg", 501, Description = "https://iiif.io/api/image/3.0/#42-size: ^ upscaling on a server without it")]
    [TestCase(ApiVersion.V2, "/abc/full/1200,/0/default.jpg", 400, Description = "https://iiif.io/api/image/2.1/#42-size: 2.1 without sizeAboveFull")]
    [TestCase(ApiVersion.V3, "/abc/full/0,/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#42-size: zero result")]
    [TestCase(ApiVersion.V3, "/abc/full/max/361/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#43-rotation: out of range")]
    [TestCase(ApiVersion.V3, "/abc/full/max/-90/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#43-rotation: negative")]
    [TestCase(ApiVersion.V3, "/abc/full/max/+90/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#43-rotation: sign")]
    [TestCase(ApiVersion.V3, "/abc/full/max/!/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#43-rotation: mirror without degrees")]
    [TestCase(ApiVersion.V3, "/abc/full/max/0/grey.jpg", 400, Description = "https://iiif.io/api/image/3.0/#44-quality: grey is not a quality")]
    [TestCase(ApiVersion.V2, "/abc/full/max/0/native.jpg", 400, Description = "https://iiif.io/api/image/3.0/#44-quality: native is 1.x only")]
    [TestCase(ApiVersion.V3, "/abc/full/max/0/default.jpeg", 400, Description = "https://iiif.io/api/image/3.0/#45-format: jpeg is not a format")]
    [TestCase(ApiVersion.V3, "/abc/full/max/0/default.JPG", 400, Description = "https://iiif.io/api/image/3.0/#45-format: case-sensitive (ours)")]
    [TestCase(ApiVersion.V3, "/abc/full/max/0/default", 400, Description = "https://iiif.io/api/image/3.0/#45-format: format is required")]
    [TestCase(ApiVersion.V3, "/abc/%5B%5D%3C%3E@/max/0/default.jpg", 400, Description = "Edge case: junk region gives 400 exactly")]
    [TestCase(ApiVersion.V3, "/abc/full/;:=%60_/0/default.jpg", 400, Description = "Edge case: junk size gives 400 exactly")]
    [TestCase(ApiVersion.V3, "/a/b/full/max/0/default.jpg", 404, Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: a raw slash in the identifier is another resource")]
    [TestCase(ApiVersion.V3, "/..%2F..%2Fetc%2Fpasswd/full/max/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: traversal refused")]
    [TestCase(ApiVersion.V3, "/abc%00/full/max/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: NUL refused")]
    [TestCase(ApiVersion.V3, "/%2Fetc%2Fpasswd/full/max/0/default.jpg", 400, Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: absolute path refused")]
    public void Plan_BadRawPath_GivesStatus(ApiVersion version, string rawPath, int expectedStatus)
    {
        var plan = PlanRaw(version, rawPath, Square, NoUpscaling);
        Assert.That(plan.IsSuccess, Is.False, () => plan.ToString());
        Assert.That(plan.Error.StatusCode, Is.EqualTo(expectedStatus), () => plan.Error.ToString());
    }

    [TestCase(ApiVersion.V3, "/abc/full/^1200,/0/default.jpg", "1200x1200", Description = "https://iiif.io/api/image/3.0/#42-size: ^w, with sizeUpscaling")]
    [TestCase(ApiVersion.V2, "/abc/full/1200,/0/default.jpg", "1200x1200", Description = "https://iiif.io/api/image/2.1/#42-size: 2.1 with sizeAboveFull")]
    public void Plan_UpscalingServer_Upscales(ApiVersion version, string rawPath, string expectedOutput)
    {
        var plan = PlanRaw(version, rawPath, Square, Upscaling);
        Assert.That(plan.Value!.OutputSize.ToString(), Is.EqualTo(expectedOutput));
    }

    [TestCase(ApiVersion.V3, "/abc/pct:10,10,50,50/,200/90.0/default.png", "100,80,500,400/250,200/90/default.png",
        Description = "https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: a worked canonical example (1000x800)")]
    [TestCase(ApiVersion.V3, "/abc/0,0,1000,800/600,480/0/default.jpg", "full/600,480/0/default.jpg", Description = "https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: 3.0 w,h")]
    [TestCase(ApiVersion.V3, "/abc/full/!600,600/0/default.jpg", "full/600,480/0/default.jpg", Description = "https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: 3.0 !w,h")]
    [TestCase(ApiVersion.V3, "/abc/full/pct:100/0/default.jpg", "full/max/0/default.jpg", Description = "https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: 3.0 max")]
    [TestCase(ApiVersion.V2, "/abc/full/pct:60/0/default.jpg", "full/600,/0/default.jpg", Description = "https://iiif.io/api/image/2.1/#47-canonical-uri-syntax: 2.1 w,")]
    [TestCase(ApiVersion.V2, "/abc/full/!600,600/0/default.jpg", "full/600,/0/default.jpg", Description = "https://iiif.io/api/image/2.1/#47-canonical-uri-syntax: 2.1 w,")]
    [TestCase(ApiVersion.V2, "/abc/full/max/!0.50/default.jpg", "full/full/!0.5/default.jpg", Description = "https://iiif.io/api/image/2.1/#47-canonical-uri-syntax: 2.1 full, decimals")]
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

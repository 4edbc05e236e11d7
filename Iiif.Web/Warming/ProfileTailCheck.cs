using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Web.Warming;

/// <summary>Profile tails judged by the real request parser and planner: whether a tail is a valid image request at
/// all (checked before a warm run starts), and whether it asks for more pixels than an image has, in which case warming
/// skips it for that image instead of counting a failure (3.0 refuses such a request without <c>^</c>:
/// https://iiif.io/api/image/3.0/#42-size).</summary>
internal static class ProfileTailCheck
{
    /// <summary>Why <paramref name="tail"/> is not a valid image request in <paramref name="version"/>, or null.</summary>
    public static string? Problem(ApiVersion version, string tail)
    {
        ArgumentNullException.ThrowIfNull(tail);
        var request = Parse(version, tail);
        return request.IsSuccess ? null : $"'{tail}' is not a valid IIIF {(version == ApiVersion.V2 ? "2.1" : "3.0")} image request: {request.Error.Message}";
    }

    /// <summary>"larger than the image (300x200)" when the tail, without <c>^</c>, asks for a size above its region of
    /// the image <paramref name="info"/> describes; null when it fits (or is not a valid request, which rendering reports).</summary>
    public static string? ExceedsImage(ApiVersion version, string tail, ImageInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var request = Parse(version, tail);
        if (!request.IsSuccess || request.Value!.Size.Upscale || request.Value.Size.Kind == SizeKind.Max)
        {
            return null;
        }

        // Planned as if upscaling were asked for and allowed: the plan then says whether the size needs it.
        var upscaled = request.Value with { Size = request.Value.Size with { Upscale = true } };
        var plan = RenderPlanner.Plan(upscaled, info, new ServerLimits(null, null, null, AllowUpscaling: true, MaxUpscaleFactor: null));
        return plan.IsSuccess && plan.Value!.IsUpscaled
            ? FormattableString.Invariant($"larger than the image ({plan.Value.SourceRegion.Width}x{plan.Value.SourceRegion.Height} region)")
            : null;
    }

    private static Core.Errors.Result<ImageRequest> Parse(ApiVersion version, string tail)
    {
        var path = IiifPathParser.Parse("/profile" + (tail.StartsWith('/') ? tail : "/" + tail));
        if (!path.IsSuccess)
        {
            return path.Error;
        }

        return path.Value!.Kind == IiifPathKind.Image
            ? ImageRequestParser.Parse(version, path.Value)
            : Core.Errors.IiifError.BadRequest(null, "A profile is /region/size/rotation/quality.format.");
    }
}

using Iiif.Core.Errors;
using Iiif.Core.Info;
using Iiif.Core.Requests;

namespace Iiif.Core.Planning;

/// <summary>Decides how to serve an image request before any pixel is read: region, size, rotation and the resolution level
/// to decode at. Client mistakes come back as errors (400, or 501 for 3.0 <c>^</c> upscaling the server does not offer),
/// never as exceptions.</summary>
/// <remarks>Rounding decisions (the spec leaves them to the server):
/// <list type="bullet">
/// <item><c>pct:</c> regions: each edge is rounded to the nearest pixel (halves up), so pct:0,0,100,100 is exactly full and
/// neighbouring regions share edges; a region that rounds to 0 px is a 400.</item>
/// <item><c>square</c>: centred, the offset rounded down.</item>
/// <item><c>w,</c> / <c>,h</c> / <c>!w,h</c>: the free side follows the region's aspect ratio, rounded to nearest.</item>
/// <item><c>pct:n</c> size: each side is n % of the region's side, rounded to nearest on its own.</item>
/// <item><c>max</c> / <c>^max</c> / <c>!w,h</c> under maxArea: the largest size whose sides, after rounding, really satisfy
/// every limit; <c>max</c> and <c>^max</c> never have a 0 side.</item>
/// <item>Rotation: the bounding box is rounded to nearest; multiples of 90 are exact.</item>
/// </list>
/// Policy decisions: 3.0 <c>!w,h</c> without <c>^</c> whose fit exceeds the region is a 400 (the validator's size_noup,
/// https://github.com/IIIF/image-validator); 2.1 <c>!w,h</c> then returns the region (IIIF/api issue 752). <c>!w,h</c>, <c>^!w,h</c> and <c>^max</c> are
/// fitted inside maxWidth/maxHeight/maxArea (and, except <c>^max</c>, MaxUpscaleFactor); every other form beyond them is a
/// 400 naming the limit. A <c>^</c> form, <c>^max</c> included, that still needs upscaling after the limits is a 501 when
/// upscaling is off. An output whose encoded size could exceed MaxOutputBytes is a 400 before any pixel is decoded.</remarks>
public static class RenderPlanner
{
    /// <summary>Plans <paramref name="request"/> on the image <paramref name="info"/> describes, under <paramref name="limits"/>.</summary>
    /// <param name="request">A parsed request; any values its parameter types can hold are handled without throwing.</param>
    /// <param name="info">The source image: positive width, height and resolution level count.</param>
    /// <param name="limits">The server's limits; any limit that is set must be at least 1, and an upscale factor at least 1.</param>
    /// <returns>The plan, or the client error that refuses the request.</returns>
    public static Result<RenderPlan> Plan(ImageRequest request, ImageInfo info, ServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(info);
        ValidateInfo(info);
        ValidateLimits(limits);

        var region = RegionResolver.Resolve(request.Region, info);
        if (!region.IsSuccess)
        {
            return region.Error;
        }

        var sourceRegion = region.Value;
        var size = SizeResolver.Resolve(request.Version, request.Size, sourceRegion.Size, limits);
        if (!size.IsSuccess)
        {
            return size.Error;
        }

        var degrees = RotationGeometry.NormaliseDegrees(request.Rotation.Degrees);
        if (!degrees.IsSuccess)
        {
            return degrees.Error;
        }

        var scaled = size.Value.Scaled;
        var output = RotationGeometry.BoundingBox(scaled, degrees.Value);
        if (!output.IsSuccess)
        {
            return output.Error;
        }

        if (OutputSizeEstimate.Check(output.Value, request.Format, request.Quality, degrees.Value, limits) is { } tooLarge)
        {
            return tooLarge;
        }

        var reduction = ReductionPicker.Pick(sourceRegion, scaled, info);

        // https://iiif.io/api/image/3.0/#44-quality: quality passes through; 3.0 color on a greyscale source is served as what is available, not refused.
        return new RenderPlan(
            request,
            sourceRegion,
            reduction,
            info.ReducedSize(sourceRegion, reduction),
            scaled,
            request.Rotation.Mirror,
            degrees.Value,
            output.Value,
            request.Quality,
            request.Format,
            sourceRegion == info.Bounds,
            size.Value.Max)
        {
            UpscaledMaxSize = size.Value.UpscaledMax,
        };
    }

    private static void ValidateInfo(ImageInfo info)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(info.Width, nameof(info));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(info.Height, nameof(info));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(info.ResolutionLevels, nameof(info));
    }

    private static void ValidateLimits(ServerLimits limits)
    {
        if (limits.MaxWidth is < 1 || limits.MaxHeight is < 1 || limits.MaxArea is < 1 || limits.MaxUpscaleFactor is < 1
            || limits.MaxOutputBytes is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limits), limits, "Limits must be at least 1 when set.");
        }
    }
}

using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The <c>!w,h</c> fits both versions share. The limits are part of the fit, not a reason to fail: 3.0
/// defines <c>!w,h</c> as the largest fit inside the box "and the limits" (https://iiif.io/api/image/3.0/#42-size), and 2.1 leaves the exact fit to the
/// server (https://iiif.io/api/image/2.1/#42-size).</summary>
internal static class BestFitSizes
{
    /// <summary>The largest aspect-preserving size inside the box, maxWidth, maxHeight and maxArea. May have a 0 side.</summary>
    public static LongSize Within(PixelSize region, long boxWidth, long boxHeight, ServerLimits limits)
    {
        var limitBox = MaxSizes.LimitBox(limits);
        return AspectFit.Fit(region, Math.Min(boxWidth, limitBox.Width), Math.Min(boxHeight, limitBox.Height), limits.MaxArea, false);
    }

    /// <summary>As <see cref="Within"/>, and no larger than the region (2.1 without upscaling, IIIF/api issue 752).</summary>
    public static LongSize RegionCapped(PixelSize region, long boxWidth, long boxHeight, ServerLimits limits) =>
        Within(region, Math.Min(boxWidth, region.Width), Math.Min(boxHeight, region.Height), limits);

    /// <summary>As <see cref="Within"/>, and no larger than MaxUpscaleFactor times the region when that factor is set.</summary>
    public static LongSize FactorCapped(PixelSize region, long boxWidth, long boxHeight, ServerLimits limits)
    {
        if (limits.MaxUpscaleFactor is not { } factor)
        {
            return Within(region, boxWidth, boxHeight, limits);
        }

        var capWidth = Math.Min(boxWidth, SizeMath.FactorCap(region.Width, factor));
        var capHeight = Math.Min(boxHeight, SizeMath.FactorCap(region.Height, factor));
        return Within(region, capWidth, capHeight, limits);
    }

    /// <summary>The requested box; a missing side counts as 0 so it fails the 0 px rule instead of throwing.</summary>
    public static LongSize Box(int? width, int? height) => new(width ?? 0, height ?? 0);
}

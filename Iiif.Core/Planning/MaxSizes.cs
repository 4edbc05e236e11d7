using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The sizes <c>max</c> and <c>^max</c> stand for (https://iiif.io/api/image/3.0/#42-size).</summary>
internal static class MaxSizes
{
    /// <summary><c>max</c>: the region at its own size, scaled down, keeping its aspect ratio, until it meets maxWidth,
    /// maxHeight (default maxWidth) and maxArea. Never upscaled, never 0.</summary>
    public static PixelSize Max(PixelSize region, ServerLimits limits)
    {
        var box = LimitBox(limits);
        var fit = AspectFit.Fit(region, Math.Min(region.Width, box.Width), Math.Min(region.Height, box.Height), limits.MaxArea, true);
        return fit.ToPixelSize();
    }

    /// <summary><c>^max</c>: "scaled to the maximum size permitted by maxWidth, maxHeight, or maxArea"
    /// (https://iiif.io/api/image/3.0/#42-size), keeping the aspect ratio. MaxUpscaleFactor does not apply: it bounds the
    /// explicit <c>^</c> forms, while <c>^max</c> is defined by the advertised limits alone. With no max* limit at all this
    /// is the region's own size (there is nothing to be "as large as"). Null when that size needs upscaling and the server
    /// has none (3.0: 501).</summary>
    public static PixelSize? UpscaledMax(PixelSize region, ServerLimits limits, PixelSize max)
    {
        if (limits.MaxWidth is null && limits.EffectiveMaxHeight is null && limits.MaxArea is null)
        {
            return region;
        }

        var box = LimitBox(limits);
        var fit = AspectFit.Fit(region, box.Width, box.Height, limits.MaxArea, true);
        if (!fit.IsLargerThan(region))
        {
            // The limits bind below the region, so ^max is max; reusing it keeps the two canonical forms one.
            return max;
        }

        return limits.AllowUpscaling ? fit.ToPixelSize() : null;
    }

    /// <summary>maxWidth and the effective maxHeight as a box; a missing limit is the largest representable side.</summary>
    public static LongSize LimitBox(ServerLimits limits) =>
        new(limits.MaxWidth ?? SizeMath.MaxSide, limits.EffectiveMaxHeight ?? SizeMath.MaxSide);
}

using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The sizes <c>max</c> and <c>^max</c> stand for (digest §2.2.1-2.2.3).</summary>
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

    /// <summary><c>^max</c>: as large as maxWidth, maxHeight and maxArea permit, keeping the aspect ratio, and with upscaling
    /// on, no larger than MaxUpscaleFactor times the region. With no max* limit at all this is the region's own size (there is
    /// nothing to be "as large as"). Null when that size needs upscaling and the server has none (3.0: 501).</summary>
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

        if (!limits.AllowUpscaling)
        {
            return null;
        }

        if (limits.MaxUpscaleFactor is { } factor)
        {
            var capWidth = Math.Min(box.Width, SizeMath.FactorCap(region.Width, factor));
            var capHeight = Math.Min(box.Height, SizeMath.FactorCap(region.Height, factor));
            fit = AspectFit.Fit(region, capWidth, capHeight, limits.MaxArea, true);
        }

        return fit.ToPixelSize();
    }

    /// <summary>maxWidth and the effective maxHeight as a box; a missing limit is the largest representable side.</summary>
    public static LongSize LimitBox(ServerLimits limits) =>
        new(limits.MaxWidth ?? SizeMath.MaxSide, limits.EffectiveMaxHeight ?? SizeMath.MaxSide);
}

using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>Size arithmetic under <see cref="ServerLimits"/> (digest §2.2.2-2.2.3).</summary>
public static class ServerLimitsExtensions
{
    /// <summary>True when <paramref name="size"/> is within MaxWidth, the effective MaxHeight and MaxArea.</summary>
    public static bool Allows(this ServerLimits limits, PixelSize size) =>
        (limits.MaxWidth is not int maxWidth || size.Width <= maxWidth)
        && (limits.EffectiveMaxHeight is not int maxHeight || size.Height <= maxHeight)
        && (limits.MaxArea is not long maxArea || size.Area <= maxArea);

    /// <summary>The size <c>max</c> gives for a region: the region itself, or scaled down keeping its aspect ratio until it is
    /// within the limits. Follows the reference steps of digest §2.2.3 (area first, rounding down; then width; then height,
    /// each recomputing the other side from the region's aspect ratio, rounding down), never below 1 px a side.</summary>
    public static PixelSize MaxSize(this ServerLimits limits, PixelSize region)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(region.Width, nameof(region));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(region.Height, nameof(region));
        long w = region.Width;
        long h = region.Height;
        if (limits.MaxArea is long maxArea && w * h > maxArea)
        {
            var scale = Math.Sqrt((double)maxArea / (w * h));
            w = Math.Max(1, (long)Math.Floor(region.Width * scale));
            h = Math.Max(1, (long)Math.Floor(region.Height * scale));
            (w, h) = ShrinkToArea(w, h, maxArea);
        }

        if (limits.MaxWidth is int maxWidth && w > maxWidth)
        {
            w = maxWidth;
            h = Math.Max(1, region.Height * w / region.Width);
        }

        if (limits.EffectiveMaxHeight is int maxHeight && h > maxHeight)
        {
            h = maxHeight;
            w = Math.Max(1, region.Width * h / region.Height);
        }

        return new PixelSize((int)w, (int)h);
    }

    // The square root is computed in floating point; a value landing just above an integer could leave w*h one row or
    // column over the area. Trim the longer side until the area holds.
    private static (long W, long H) ShrinkToArea(long w, long h, long maxArea)
    {
        while (w * h > maxArea && (w > 1 || h > 1))
        {
            if (w >= h)
            {
                w--;
            }
            else
            {
                h--;
            }
        }

        return (w, h);
    }
}

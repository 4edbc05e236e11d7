using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>Size arithmetic under <see cref="ServerLimits"/> (https://iiif.io/api/image/3.0/#42-size, https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation).</summary>
public static class ServerLimitsExtensions
{
    /// <summary>True when <paramref name="size"/> is within MaxWidth, the effective MaxHeight and MaxArea.</summary>
    public static bool Allows(this ServerLimits limits, PixelSize size) =>
        (limits.MaxWidth is not int maxWidth || size.Width <= maxWidth)
        && (limits.EffectiveMaxHeight is not int maxHeight || size.Height <= maxHeight)
        && (limits.MaxArea is not long maxArea || size.Area <= maxArea);

    /// <summary>The size <c>max</c> gives for a region: the region itself, or scaled down keeping its aspect ratio until it is
    /// within the limits (https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation). The planner's own rule, so an advertised size is always one <c>max</c> returns.</summary>
    public static PixelSize MaxSize(this ServerLimits limits, PixelSize region)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(region.Width, nameof(region));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(region.Height, nameof(region));
        return MaxSizes.Max(region, limits);
    }
}

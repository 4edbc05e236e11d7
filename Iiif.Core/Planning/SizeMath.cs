using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The rounding rules of the size step, in one place so the planner and the canonical form agree exactly.
/// The spec leaves rounding to the server; we round to nearest with halves away from zero, in exact integer
/// or decimal arithmetic so no platform's floating point can change a result.</summary>
internal static class SizeMath
{
    /// <summary>The largest side a <see cref="PixelSize"/> can hold.</summary>
    public const long MaxSide = int.MaxValue;

    // Beyond this percentage every side is > MaxSide (regions are at least 1 px), and decimal products stay in range below it.
    private const decimal HugePercent = 1_000_000_000_000_000m;

    /// <summary>round(value * numerator / denominator), exactly; the denominator is a region side (at least 1).</summary>
    public static long ScaleRounded(long value, long numerator, long denominator)
    {
        var product = (Int128)value * numerator;
        var negative = product < 0;
        var magnitude = negative ? -product : product;
        var rounded = ((2 * magnitude) + denominator) / (2 * (Int128)denominator);
        var clamped = (long)Int128.Min(rounded, long.MaxValue);
        return negative ? -clamped : clamped;
    }

    /// <summary>The height <c>w,</c> gives on this region: the region's aspect ratio, rounded to nearest.</summary>
    public static long HeightForWidth(long width, PixelSize region) => ScaleRounded(width, region.Height, region.Width);

    /// <summary>The width <c>,h</c> gives on this region: the region's aspect ratio, rounded to nearest.</summary>
    public static long WidthForHeight(long height, PixelSize region) => ScaleRounded(height, region.Width, region.Height);

    /// <summary>n % of a side, rounded to nearest; a value beyond <see cref="MaxSide"/> comes back as MaxSide + 1.</summary>
    public static long PercentOf(long side, decimal percent)
    {
        if (percent <= 0)
        {
            return 0;
        }

        if (percent >= HugePercent)
        {
            return MaxSide + 1;
        }

        var value = decimal.Round(side * percent / 100m, 0, MidpointRounding.AwayFromZero);
        return value > MaxSide ? MaxSide + 1 : (long)value;
    }

    /// <summary>floor(factor * side), capped at <see cref="MaxSide"/>: the largest side an upscale factor allows.</summary>
    public static long FactorCap(long side, decimal factor)
    {
        if (factor >= MaxSide)
        {
            return MaxSide;
        }

        var value = decimal.Floor(side * factor);
        return value > MaxSide ? MaxSide : (long)value;
    }
}

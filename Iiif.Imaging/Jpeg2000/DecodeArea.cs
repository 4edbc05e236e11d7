using Iiif.Core.Geometry;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>A region ready for opj_set_decode_area: clipped, moved onto the reference grid, and widened where needed so
/// that no component collapses to zero samples at the chosen reduction.</summary>
/// <param name="Canvas">The area on the reference grid (image origin added), full-resolution coordinates.</param>
/// <param name="Reduce">The resolution reduction r.</param>
/// <param name="OutputX">Left edge of the output on the reduced reference grid: ceil(Canvas.X / 2^r).</param>
/// <param name="OutputY">Top edge of the output on the reduced reference grid: ceil(Canvas.Y / 2^r).</param>
/// <param name="OutputSize">The decoded image's size (ISO 15444-1 B.5: spans map to [ceil(x0/2^r), ceil(x1/2^r))).</param>
internal readonly record struct DecodeArea(PixelRect Canvas, int Reduce, int OutputX, int OutputY, PixelSize OutputSize)
{
    /// <summary>Computes the area for <paramref name="region"/> (relative to the image's top-left corner) at
    /// <paramref name="reduce"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The reduction is not below the resolution levels, or the region
    /// does not overlap the image.</exception>
    public static DecodeArea Compute(Jpeg2000Facts facts, PixelRect region, int reduce)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reduce);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(reduce, facts.ResolutionLevels);

        var x0 = Math.Max(region.X, 0);
        var y0 = Math.Max(region.Y, 0);
        var x1 = (int)Math.Min((long)region.X + region.Width, facts.Width);
        var y1 = (int)Math.Min((long)region.Y + region.Height, facts.Height);
        if (region.Width <= 0 || region.Height <= 0 || x1 <= x0 || y1 <= y0)
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, "The region does not overlap the image.");
        }

        var (stepX, stepY) = Steps(facts, reduce);
        var (cx0, cx1) = Snap(facts.OriginX + x0, facts.OriginX + x1, facts.OriginX, facts.OriginX + facts.Width, stepX);
        var (cy0, cy1) = Snap(facts.OriginY + y0, facts.OriginY + y1, facts.OriginY, facts.OriginY + facts.Height, stepY);

        var outX = CeilShift(cx0, reduce);
        var outY = CeilShift(cy0, reduce);
        var size = new PixelSize(CeilShift(cx1, reduce) - outX, CeilShift(cy1, reduce) - outY);
        return new DecodeArea(new PixelRect((int)cx0, (int)cy0, (int)(cx1 - cx0), (int)(cy1 - cy0)), reduce, outX, outY, size);
    }

    /// <summary>ceil(value / 2^shift).</summary>
    public static int CeilShift(long value, int shift) => (int)((value + (1L << shift) - 1) >> shift);

    /// <summary>A component with subsampling d keeps at least one sample at reduction r exactly when the span contains
    /// a multiple of d * 2^r (its samples sit at ceil(x / (d * 2^r))); the step that satisfies every component at
    /// once is the least common multiple.</summary>
    private static (long X, long Y) Steps(Jpeg2000Facts facts, int reduce)
    {
        long stepX = 1L << reduce, stepY = 1L << reduce;
        foreach (var component in facts.Components)
        {
            stepX = Lcm(stepX, (long)Math.Max(component.Dx, 1) << reduce);
            stepY = Lcm(stepY, (long)Math.Max(component.Dy, 1) << reduce);
        }

        return (stepX, stepY);
    }

    /// <summary>Widens [a, b) inside [low, high) until it contains a multiple of <paramref name="step"/>: first to the
    /// right (by at most one reduced pixel), else to the left.</summary>
    private static (long A, long B) Snap(long a, long b, long low, long high, long step)
    {
        var firstMultiple = (a + step - 1) / step * step;
        if (firstMultiple < b)
        {
            return (a, b);
        }

        if (firstMultiple < high)
        {
            return (a, firstMultiple + 1);
        }

        var lastMultiple = (b - 1) / step * step;
        if (lastMultiple >= low)
        {
            return (lastMultiple, b);
        }

        throw new ArgumentOutOfRangeException(nameof(step), "The image is too small to decode at this reduction.");
    }

    private static long Lcm(long a, long b) => a / Gcd(a, b) * b;

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}

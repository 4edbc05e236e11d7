namespace Iiif.Core.Geometry;

/// <summary>A resolution reduction: level r decodes at scale 2^-r (r = 0 is full resolution).</summary>
public readonly record struct ReductionFactor(int Level)
{
    /// <summary>Full resolution.</summary>
    public static ReductionFactor None => new(0);

    /// <summary>The divisor 2^r.</summary>
    public int Divisor => 1 << Level;

    /// <summary>The size of a full-resolution rectangle's pixels at this level. JPEG 2000 rounds canvas coordinates up
    /// (ISO 15444-1 B.5): a span [x0, x1) becomes [ceil(x0/2^r), ceil(x1/2^r)).</summary>
    public PixelSize ReducedSize(PixelRect fullResolution)
    {
        var w = CeilDiv(fullResolution.Right) - CeilDiv(fullResolution.X);
        var h = CeilDiv(fullResolution.Bottom) - CeilDiv(fullResolution.Y);
        return new PixelSize(w, h);
    }

    /// <summary>The size of a full-resolution rectangle's pixels in a stored level of <paramref name="levelSize"/>
    /// pixels: as <see cref="ReducedSize(PixelRect)"/>, with the far edges clipped to the level, which has no pixel for
    /// a last partial block when its writer rounded down. Never negative.</summary>
    public PixelSize ReducedSize(PixelRect fullResolution, PixelSize levelSize)
    {
        var w = Math.Min(CeilDiv(fullResolution.Right), levelSize.Width) - CeilDiv(fullResolution.X);
        var h = Math.Min(CeilDiv(fullResolution.Bottom), levelSize.Height) - CeilDiv(fullResolution.Y);
        return new PixelSize(Math.Max(0, w), Math.Max(0, h));
    }

    private int CeilDiv(int value) => (int)(((long)value + Divisor - 1) >> Level);
}

namespace Iiif.Core.Geometry;

/// <summary>A rectangle in whole pixels, origin at the top left.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>The exclusive right edge.</summary>
    public int Right => X + Width;

    /// <summary>The exclusive bottom edge.</summary>
    public int Bottom => Y + Height;

    /// <summary>The rectangle's size.</summary>
    public PixelSize Size => new(Width, Height);

    /// <inheritdoc/>
    public override string ToString() => $"{X},{Y},{Width},{Height}";
}

namespace Iiif.Core.Geometry;

/// <summary>A width and height in whole pixels.</summary>
public readonly record struct PixelSize(int Width, int Height)
{
    /// <summary>Width times height, without overflow.</summary>
    public long Area => (long)Width * Height;

    /// <inheritdoc/>
    public override string ToString() => $"{Width}x{Height}";
}

using Iiif.Core.Geometry;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>The reference grid of an image being written: image area, tile grid (anchored at the image origin) and
/// resolution levels.</summary>
internal sealed class EncoderGeometry
{
    /// <summary>The longest side, in pixels, the smallest resolution level may reach before another level is added.</summary>
    public const int ThumbnailLimit = 256;

    /// <summary>OPJ_J2K_MAXRLVLS.</summary>
    public const int MaxResolutions = 33;

    public EncoderGeometry(int originX, int originY, int width, int height, int tileSize, int? resolutions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(originX);
        ArgumentOutOfRangeException.ThrowIfNegative(originY);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileSize, 1);
        Image = new PixelRect(originX, originY, width, height);
        TileWidth = Math.Min(tileSize, width);
        TileHeight = Math.Min(tileSize, height);
        Columns = (width + TileWidth - 1) / TileWidth;
        Rows = (height + TileHeight - 1) / TileHeight;
        var cap = MaxResolutionsFor(TileWidth, TileHeight);
        Resolutions = resolutions ?? Math.Min(DefaultResolutions(width, height), cap);
        if (Resolutions < 1 || Resolutions > cap)
        {
            throw new ArgumentOutOfRangeException(
                nameof(resolutions),
                resolutions,
                FormattableString.Invariant($"Resolution levels must be 1..{cap} for {TileWidth}x{TileHeight} tiles (2^(levels-1) may not exceed a tile side)."));
        }
    }

    /// <summary>The image area on the reference grid.</summary>
    public PixelRect Image { get; }

    /// <summary>Tile width (the image width when it is narrower than the requested tile size).</summary>
    public int TileWidth { get; }

    /// <summary>Tile height.</summary>
    public int TileHeight { get; }

    /// <summary>Tile columns.</summary>
    public int Columns { get; }

    /// <summary>Tile rows.</summary>
    public int Rows { get; }

    /// <summary>Tiles in the image.</summary>
    public int TileCount => Columns * Rows;

    /// <summary>Resolution levels to write.</summary>
    public int Resolutions { get; }

    /// <summary>The fewest levels whose smallest one is under <see cref="ThumbnailLimit"/> pixels on its longer side.</summary>
    public static int DefaultResolutions(int width, int height)
    {
        var levels = 1;
        var side = (long)Math.Max(width, height);
        while (side >= ThumbnailLimit && levels < MaxResolutions)
        {
            side = (side + 1) / 2;
            levels++;
        }

        return levels;
    }

    /// <summary>OpenJPEG refuses more levels than a tile can halve into: 2^(levels-1) must not exceed a tile side.</summary>
    public static int MaxResolutionsFor(int tileWidth, int tileHeight) =>
        Math.Min(MaxResolutions, (int)Math.Log2(Math.Min(tileWidth, tileHeight)) + 1);

    /// <summary>Tile <paramref name="index"/> (raster order) on the reference grid, clipped to the image.</summary>
    public PixelRect Tile(int index)
    {
        var x0 = Image.X + (index % Columns * TileWidth);
        var y0 = Image.Y + (index / Columns * TileHeight);
        var x1 = Math.Min(x0 + TileWidth, Image.Right);
        var y1 = Math.Min(y0 + TileHeight, Image.Bottom);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>The samples of a component subsampled by (dx, dy) that fall in <paramref name="canvas"/>, relative to the
    /// component's first sample (ISO 15444-1 B.3: a tile-component spans [ceil(tx0/dx), ceil(tx1/dx))).</summary>
    public PixelRect ComponentRect(PixelRect canvas, int dx, int dy)
    {
        var x0 = CeilDiv(canvas.X, dx);
        var y0 = CeilDiv(canvas.Y, dy);
        return new PixelRect(
            x0 - CeilDiv(Image.X, dx),
            y0 - CeilDiv(Image.Y, dy),
            CeilDiv(canvas.Right, dx) - x0,
            CeilDiv(canvas.Bottom, dy) - y0);
    }

    /// <summary>The whole component's size.</summary>
    public PixelSize ComponentSize(int dx, int dy) => ComponentRect(Image, dx, dy).Size;

    private static int CeilDiv(int value, int divisor) => (int)(((long)value + divisor - 1) / divisor);
}

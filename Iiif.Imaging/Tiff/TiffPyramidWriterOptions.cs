namespace Iiif.Imaging.Tiff;

/// <summary>How <see cref="TiffPyramidWriter"/> stores a pyramid.</summary>
public sealed record TiffPyramidWriterOptions
{
    /// <summary>The tile compression. JPEG cannot hold alpha or 16-bit samples: such images are written with Deflate.</summary>
    public TiffTileCompression Compression { get; init; } = TiffTileCompression.Jpeg;

    /// <summary>Tile width and height in pixels: 256 or 512.</summary>
    public int TileSize { get; init; } = 256;

    /// <summary>JPEG quality, 1 to 100 (the server's default output quality, so stored tiles served as they are look like
    /// rendered ones).</summary>
    public int JpegQuality { get; init; } = 85;
}

/// <summary>Compression of the tiles of a written pyramid.</summary>
public enum TiffTileCompression
{
    /// <summary>JPEG (YCbCr 4:2:0 for colour), lossy; the stored tiles can be served without re-encoding.</summary>
    Jpeg,

    /// <summary>Deflate with horizontal prediction: lossless, any channel count and depth.</summary>
    Deflate,
}

/// <summary>Writing progress, reported after each tile.</summary>
/// <param name="TilesWritten">Tiles written so far, over all levels.</param>
/// <param name="TileCount">Tiles in all levels.</param>
public readonly record struct TiffWriteProgress(int TilesWritten, int TileCount)
{
    /// <summary>Done fraction in [0, 1].</summary>
    public double Fraction => TileCount == 0 ? 1 : (double)TilesWritten / TileCount;
}

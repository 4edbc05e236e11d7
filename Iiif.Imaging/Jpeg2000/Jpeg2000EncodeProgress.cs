namespace Iiif.Imaging.Jpeg2000;

/// <summary>Encoding progress, reported after each tile is written.</summary>
/// <param name="TilesWritten">Tiles written so far (1..TileCount).</param>
/// <param name="TileCount">Tiles in the image.</param>
public readonly record struct Jpeg2000EncodeProgress(int TilesWritten, int TileCount)
{
    /// <summary>Done fraction in [0, 1].</summary>
    public double Fraction => TileCount == 0 ? 1 : (double)TilesWritten / TileCount;
}

namespace Iiif.Imaging.Tiff;

/// <summary>A stored tile a plan is answered from: its level and index, and the top-left part of it inside the image
/// (the whole tile except at the right and bottom edges).</summary>
internal readonly record struct StoredTile(TiffLevel Level, int Index, int Width, int Height)
{
    /// <summary>True when the request is the whole stored tile, its bytes unchanged.</summary>
    public bool IsWhole => Width == Level.Directory.BlockWidth && Height == Level.Directory.BlockHeight;
}

using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;

namespace Iiif.Imaging.Decoding;

/// <summary>The one JPEG 2000 tile a region lies in, at one reduction: what to decode and where the region sits in it.</summary>
/// <param name="Index">The tile index (row-major).</param>
/// <param name="Region">The whole tile clipped to the image, in full-resolution pixels relative to the image's corner.</param>
/// <param name="Size">The decoded tile's size at the reduction.</param>
/// <param name="Cut">The requested region's pixels inside the decoded tile.</param>
internal readonly record struct Jpeg2000Block(int Index, PixelRect Region, PixelSize Size, PixelRect Cut)
{
    /// <summary>Locates the tile holding all of <paramref name="region"/>, or null when a block cannot stand in for a
    /// direct decode: single-tile files, regions crossing tiles, subsampled components (their sample alignment depends
    /// on the decode area), reductions the file lacks, and regions too small to contain one reduced pixel (the reader
    /// widens those).</summary>
    /// <remarks>Both the tile and the region map to the reduced grid as [ceil(x0/2^r), ceil(x1/2^r)) in reference-grid
    /// coordinates (ISO 15444-1 B.5), the same rounding the reader applies, so cutting the region out of the decoded tile
    /// gives the pixels a direct decode of the region gives.</remarks>
    public static Jpeg2000Block? Locate(Jpeg2000Facts facts, PixelRect region, int reduce)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.TileCount <= 1 || reduce < 0 || reduce >= facts.ResolutionLevels
            || facts.Components.Any(c => c.Dx != 1 || c.Dy != 1))
        {
            return null;
        }

        var x = Axis(region.X, region.Width, facts.OriginX, facts.Width, facts.TileOriginX, facts.TileWidth, reduce);
        var y = Axis(region.Y, region.Height, facts.OriginY, facts.Height, facts.TileOriginY, facts.TileHeight, reduce);
        if (x is not { } h || y is not { } v)
        {
            return null;
        }

        return new Jpeg2000Block(
            (v.Tile * facts.TileColumns) + h.Tile,
            new PixelRect(h.Start, v.Start, h.Length, v.Length),
            new PixelSize(h.Reduced, v.Reduced),
            new PixelRect(h.CutStart, v.CutStart, h.CutLength, v.CutLength));
    }

    private static AxisBlock? Axis(int start, int length, int origin, int extent, int tileOrigin, int tileSize, int reduce)
    {
        long a = origin + (long)Math.Max(start, 0);
        var b = origin + Math.Min((long)start + length, extent);
        if (length <= 0 || tileSize <= 0 || b <= a)
        {
            return null;
        }

        var tile = (a - tileOrigin) / tileSize;
        if ((b - 1 - tileOrigin) / tileSize != tile)
        {
            return null;
        }

        var t0 = Math.Max(tileOrigin + (tile * tileSize), origin);
        var t1 = Math.Min(tileOrigin + ((tile + 1) * tileSize), (long)origin + extent);
        var scale = 1L << reduce;
        long out0 = DecodeArea.CeilDiv(a, scale), out1 = DecodeArea.CeilDiv(b, scale);
        long block0 = DecodeArea.CeilDiv(t0, scale), block1 = DecodeArea.CeilDiv(t1, scale);
        if (out0 == out1 || block0 == block1)
        {
            return null;
        }

        return new AxisBlock((int)tile, (int)(t0 - origin), (int)(t1 - t0), (int)(block1 - block0), (int)(out0 - block0), (int)(out1 - out0));
    }

    private readonly record struct AxisBlock(int Tile, int Start, int Length, int Reduced, int CutStart, int CutLength);
}

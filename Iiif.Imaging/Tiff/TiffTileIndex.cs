using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>Where each stored tile of one source version lies (offset and byte count per tile, per level), so a stored
/// tile is served with one positional read: no libtiff handle, no directory parse per request. Each level is listed the
/// first time one of its tiles is asked for, with one libtiff handle, and kept; concurrent first asks may both list it.</summary>
internal sealed class TiffTileIndex
{
    /// <summary>Levels by reduction (a TIFF level's reduction is below 31).</summary>
    private readonly StoredTile[]?[] _levels = new StoredTile[31][];

    /// <summary>Tile <paramref name="index"/> of <paramref name="level"/> of <paramref name="source"/> (the version this
    /// index is for) as stored, still compressed; null when its byte count is missing, unreadable or larger than
    /// <paramref name="maxBytes"/>.</summary>
    /// <exception cref="ImageDecodeException">The tile's bytes lie past the end of the source.</exception>
    public byte[]? Read(ImageSourceHandle source, TiffLevel level, int index, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(level);
        var tiles = Volatile.Read(ref _levels[level.Reduction]);
        if (tiles is null)
        {
            tiles = List(source, level.Directory);
            Volatile.Write(ref _levels[level.Reduction], tiles);
        }

        if ((uint)index >= (uint)tiles.Length || tiles[index].Count == 0 || tiles[index].Count > (uint)maxBytes)
        {
            return null;
        }

        var tile = tiles[index];
        var bytes = new byte[tile.Count];
        using var stream = new TiffByteSource(SeekableSource.Open(source));
        if (tile.Offset > (ulong)long.MaxValue || stream.Read((long)tile.Offset, bytes) != bytes.Length)
        {
            throw new ImageDecodeException(
                $"The TIFF could not be read (raw tile {index}): its {tile.Count} bytes at offset {tile.Offset} lie past the end of the {stream.Length}-byte source");
        }

        return bytes;
    }

    /// <summary>Every tile's offset and byte count in <paramref name="directory"/>; a tile whose entries libtiff cannot
    /// read gets a zero count, so it is decoded (and its error reported) instead.</summary>
    private static StoredTile[] List(ImageSourceHandle source, TiffDirectory directory)
    {
        using var bytes = new TiffByteSource(SeekableSource.Open(source));
        using var tif = TiffHandle.OpenRead(bytes, headerOnly: true, CancellationToken.None);
        if (NativeMethods.SetSubDirectory(tif, directory.Offset) == 0)
        {
            throw tif.Context.Failure($"directory at {directory.Offset}");
        }

        var tiles = new StoredTile[directory.BlocksPerPlane];
        for (var i = 0; i < tiles.Length; i++)
        {
            var offset = NativeMethods.GetStrileOffset(tif, (uint)i, out var offsetError);
            var count = NativeMethods.GetStrileByteCount(tif, (uint)i, out var countError);
            tiles[i] = offsetError != 0 || countError != 0 ? default : new StoredTile(offset, (uint)Math.Min(count, uint.MaxValue));
        }

        return tiles;
    }

    private readonly record struct StoredTile(ulong Offset, uint Count);
}

using System.Buffers.Binary;
using Iiif.Core.Geometry;
using Iiif.Imaging.Sources;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Where a JPEG 2000 file's main header ends and where each tile-part lies, from the TLM markers of the main
/// header (https://www.itu.int/rec/T-REC-T.800 A.7.1): enough to fetch only the tile-parts a region needs, and to answer
/// the codec's reads of each SOT marker without touching the source, since OpenJPEG walks every tile-part header of a
/// file to reach the ones it decodes.</summary>
/// <remarks>As a read plan it caps every read at the end of the header or tile-part it starts in, so the codec's
/// read-ahead never pulls in the bytes of tiles it then skips. The SOT segments it answers are rebuilt from the TLM
/// entries: tile index, tile-part length, index within the tile and the tile's tile-part count.</remarks>
internal sealed class TilePartIndex : IReadPlan
{
    /// <summary>SOT marker segment: marker (2), Lsot (2), Isot (2), Psot (4), TPsot (1), TNsot (1).</summary>
    private const int SotLength = 12;

    private readonly long[] _starts;
    private readonly TilePart[] _parts;
    private readonly Grid _grid;

    private TilePartIndex(long headerEnd, TilePart[] parts, Grid grid)
    {
        HeaderEnd = headerEnd;
        _parts = parts;
        _starts = [.. parts.Select(p => p.Offset)];
        _grid = grid;
    }

    /// <summary>The offset of the first SOT marker: everything before it is read by every decode.</summary>
    public long HeaderEnd { get; }

    /// <summary>The end of the last tile-part (the EOC marker follows).</summary>
    public long CodestreamEnd => _parts.Length == 0 ? HeaderEnd : _parts[^1].Offset + _parts[^1].Length;

    /// <summary>The byte ranges reading the header facts needs.</summary>
    public IReadOnlyList<ByteRange> HeaderRanges => [new ByteRange(0, HeaderEnd), new ByteRange(CodestreamEnd, 2)];

    /// <summary>The byte ranges decoding <paramref name="region"/> (full-resolution pixels from the image's top-left) needs:
    /// the header, the tile-parts of every tile it touches, and the end-of-codestream marker.</summary>
    public IReadOnlyList<ByteRange> RangesFor(PixelRect region)
    {
        var tiles = _grid.TilesTouching(region);
        return [.. HeaderRanges, .. _parts.Where(p => tiles.Contains(p.Tile)).Select(p => new ByteRange(p.Offset, p.Length))];
    }

    /// <summary>The first bytes read to find a main header (one 32 KB block: a TLM marker of a thousand tiles takes 6 KB).</summary>
    public const int HeadBytes = 32 * 1024;

    /// <summary>The longest main header looked for (a TLM marker of 100 000 tile-parts fits).</summary>
    public const int MaxHeadBytes = 1024 * 1024;

    /// <summary>Reads the index from the start of <paramref name="reader"/>, reading further (up to
    /// <see cref="MaxHeadBytes"/>) while the main header has not ended; null as for <see cref="TryRead(ReadOnlySpan{byte}, long)"/>.</summary>
    public static TilePartIndex? TryRead(ISourceReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        for (var size = HeadBytes; size > 0;)
        {
            var head = new byte[(int)Math.Min(size, reader.Length)];
            var read = reader.Read(0, head);
            if (TryRead(head.AsSpan(0, read), reader.Length) is { } index)
            {
                return index;
            }

            size = NextHeadSize(size, read, reader.Length);
        }

        return null;
    }

    /// <summary>How many bytes of the file's start to read next after the first <paramref name="size"/> (of which
    /// <paramref name="read"/> came) held no indexable main header: eight times as many, or 0 once the file is read to its
    /// end or <paramref name="size"/> has reached <see cref="MaxHeadBytes"/>.</summary>
    public static int NextHeadSize(int size, long read, long fileLength) =>
        size >= MaxHeadBytes || read >= fileLength ? 0 : size * 8;

    /// <summary>Reads the index from the first bytes of a file; null when they hold no TLM marker, the header does not end
    /// within them, or the markers are not what they claim (the file is then read without a plan).</summary>
    public static TilePartIndex? TryRead(ReadOnlySpan<byte> head, long fileLength)
    {
        try
        {
            var codestream = CodestreamStart(head);
            return codestream < 0 ? null : ReadMainHeader(head, codestream, fileLength);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public int Limit(long position, int requested)
    {
        if (position < HeaderEnd)
        {
            return (int)Math.Min(requested, HeaderEnd - position);
        }

        var part = PartAt(position);
        return part < 0 ? requested : (int)Math.Min(requested, _parts[part].Offset + _parts[part].Length - position);
    }

    /// <inheritdoc/>
    public int TryAnswer(long position, Span<byte> destination)
    {
        var index = PartAt(position);
        if (index < 0 || position - _parts[index].Offset >= SotLength)
        {
            return 0;
        }

        var part = _parts[index];
        Span<byte> sot = stackalloc byte[SotLength];
        BinaryPrimitives.WriteUInt16BigEndian(sot, 0xFF90);
        BinaryPrimitives.WriteUInt16BigEndian(sot[2..], 10);
        BinaryPrimitives.WriteUInt16BigEndian(sot[4..], (ushort)part.Tile);
        BinaryPrimitives.WriteUInt32BigEndian(sot[6..], (uint)part.Length);
        sot[10] = (byte)part.PartInTile;
        sot[11] = (byte)part.PartsOfTile;
        var from = (int)(position - part.Offset);
        var count = Math.Min(SotLength - from, destination.Length);
        sot.Slice(from, count).CopyTo(destination);
        return count;
    }

    private int PartAt(long position)
    {
        var found = Array.BinarySearch(_starts, position);
        var index = found >= 0 ? found : ~found - 1;
        return index >= 0 && position < _parts[index].Offset + _parts[index].Length ? index : -1;
    }

    /// <summary>The offset of SOC: 0 in a raw codestream, after the header of the contiguous codestream box in a JP2
    /// file (https://www.itu.int/rec/T-REC-T.800 I.5.4); -1 when it is not within <paramref name="head"/>.</summary>
    private static long CodestreamStart(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0x4F)
        {
            return 0;
        }

        var offset = 0L;
        while (offset + 8 <= head.Length)
        {
            var length = (long)BinaryPrimitives.ReadUInt32BigEndian(head[(int)offset..]);
            var type = BinaryPrimitives.ReadUInt32BigEndian(head[(int)(offset + 4)..]);
            var headerLength = 8L;
            if (length == 1)
            {
                length = (long)BinaryPrimitives.ReadUInt64BigEndian(head[(int)(offset + 8)..]);
                headerLength = 16;
            }

            if (type == 0x6A703263)
            {
                return offset + headerLength;
            }

            if (length < headerLength)
            {
                return -1;
            }

            offset += length;
        }

        return -1;
    }

    private static TilePartIndex? ReadMainHeader(ReadOnlySpan<byte> head, long codestream, long fileLength)
    {
        var position = (int)codestream + 2;
        Grid? grid = null;
        var entries = new List<(int? Tile, long Length)>();
        while (position + 4 <= head.Length)
        {
            var marker = BinaryPrimitives.ReadUInt16BigEndian(head[position..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(head[(position + 2)..]);
            if (marker == 0xFF90)
            {
                return grid is null || entries.Count == 0 ? null : Build(position, entries, grid, fileLength);
            }

            var segment = head.Slice(position + 4, length - 2);
            if (marker == 0xFF51)
            {
                grid = Grid.FromSiz(segment);
            }
            else if (marker == 0xFF55)
            {
                ReadTlm(segment, entries);
            }

            position += 2 + length;
        }

        return null;
    }

    private static void ReadTlm(ReadOnlySpan<byte> segment, List<(int? Tile, long Length)> entries)
    {
        var stlm = segment[1];
        var tileBytes = (stlm >> 4) & 0x3;
        var lengthBytes = ((stlm >> 6) & 0x1) == 1 ? 4 : 2;
        for (var at = 2; at + tileBytes + lengthBytes <= segment.Length; at += tileBytes + lengthBytes)
        {
            int? tile = tileBytes switch { 1 => segment[at], 2 => BinaryPrimitives.ReadUInt16BigEndian(segment[at..]), _ => null };
            var length = lengthBytes == 4
                ? BinaryPrimitives.ReadUInt32BigEndian(segment[(at + tileBytes)..])
                : BinaryPrimitives.ReadUInt16BigEndian(segment[(at + tileBytes)..]);
            entries.Add((tile, length));
        }
    }

    private static TilePartIndex? Build(long headerEnd, List<(int? Tile, long Length)> entries, Grid grid, long fileLength)
    {
        var parts = new TilePart[entries.Count];
        var counts = new Dictionary<int, int>();
        var offset = headerEnd;
        for (var i = 0; i < entries.Count; i++)
        {
            var tile = entries[i].Tile ?? i;
            var length = entries[i].Length;
            if (length < SotLength || tile >= grid.TileCount)
            {
                return null;
            }

            counts[tile] = counts.GetValueOrDefault(tile) + 1;
            parts[i] = new TilePart(tile, offset, length, counts[tile] - 1, 0);
            offset += length;
        }

        if (offset > fileLength)
        {
            return null;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i] with { PartsOfTile = counts[parts[i].Tile] };
        }

        return new TilePartIndex(headerEnd, parts, grid);
    }

    private readonly record struct TilePart(int Tile, long Offset, long Length, int PartInTile, int PartsOfTile);

    /// <summary>The tile grid of the SIZ marker (https://www.itu.int/rec/T-REC-T.800 A.5.1), on the reference grid.</summary>
    private sealed record Grid(long ImageX, long ImageY, long ImageRight, long ImageBottom, long TileX, long TileY, long TileWidth, long TileHeight)
    {
        public long Columns => (ImageRight - TileX + TileWidth - 1) / TileWidth;

        public long Rows => (ImageBottom - TileY + TileHeight - 1) / TileHeight;

        public long TileCount => Columns * Rows;

        public static Grid FromSiz(ReadOnlySpan<byte> siz) => new(
            BinaryPrimitives.ReadUInt32BigEndian(siz[10..]),
            BinaryPrimitives.ReadUInt32BigEndian(siz[14..]),
            BinaryPrimitives.ReadUInt32BigEndian(siz[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(siz[6..]),
            BinaryPrimitives.ReadUInt32BigEndian(siz[26..]),
            BinaryPrimitives.ReadUInt32BigEndian(siz[30..]),
            BinaryPrimitives.ReadUInt32BigEndian(siz[18..]),
            BinaryPrimitives.ReadUInt32BigEndian(siz[22..]));

        public HashSet<int> TilesTouching(PixelRect region)
        {
            var x0 = ImageX + region.X;
            var y0 = ImageY + region.Y;
            var x1 = Math.Min(ImageRight, x0 + region.Width);
            var y1 = Math.Min(ImageBottom, y0 + region.Height);
            var tiles = new HashSet<int>();
            for (var row = Math.Max(0, (y0 - TileY) / TileHeight); row < Rows && TileY + (row * TileHeight) < y1; row++)
            {
                for (var column = Math.Max(0, (x0 - TileX) / TileWidth); column < Columns && TileX + (column * TileWidth) < x1; column++)
                {
                    tiles.Add((int)((row * Columns) + column));
                }
            }

            return tiles;
        }
    }
}

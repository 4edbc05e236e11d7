using System.Buffers.Binary;

namespace Iiif.Tests.TestUtilities;

/// <summary>Finds the directory entries of a classic or BigTIFF file's main IFD chain in its bytes, so tests can damage
/// chosen tag values (offsets past the end, absurd sizes, unknown codecs) the way a broken writer or an attacker would.</summary>
internal sealed class TiffEntries
{
    private readonly byte[] _bytes;
    private readonly bool _little;
    private readonly bool _big;

    public TiffEntries(byte[] bytes)
    {
        _bytes = bytes;
        _little = bytes[0] == (byte)'I';
        _big = Read16(2) == 43;
        var offset = _big ? Read64(8) : Read32(4);
        for (var i = 0; i < 64 && offset > 0 && offset + 8 < (ulong)bytes.Length; i++)
        {
            DirectoryOffsets.Add((long)offset);
            var count = _big ? (long)Read64((long)offset) : Read16((long)offset);
            var first = (long)offset + (_big ? 8 : 2);
            var size = _big ? 20 : 12;
            for (var e = 0; e < count && first + ((e + 1) * size) <= bytes.Length; e++)
            {
                var at = first + (e * size);
                Entries.Add(new Entry(i, at, Read16(at), Read16(at + 2), at + (_big ? 12 : 8)));
            }

            var next = first + (count * size);
            offset = next + (_big ? 8 : 4) <= bytes.Length ? (_big ? Read64(next) : Read32(next)) : 0;
            NextPointers.Add(next);
        }
    }

    /// <summary>Where each IFD of the chain starts.</summary>
    public List<long> DirectoryOffsets { get; } = [];

    /// <summary>Where each IFD's next-IFD pointer sits.</summary>
    public List<long> NextPointers { get; } = [];

    /// <summary>Every entry of every IFD in the chain.</summary>
    public List<Entry> Entries { get; } = [];

    /// <summary>Overwrites the value field of <paramref name="directory"/>'s <paramref name="tag"/> entry with
    /// <paramref name="value"/> (as a SHORT, LONG or LONG8 as the entry's type says; for arrays this is their offset).</summary>
    public void Set(int directory, int tag, ulong value) => SetAt(Entries.Single(e => e.Directory == directory && e.Tag == tag), value);

    /// <summary>Overwrites <paramref name="entry"/>'s value field.</summary>
    public void SetAt(Entry entry, ulong value)
    {
        var span = _bytes.AsSpan((int)entry.ValueAt);
        if (entry.Type == 3 && value > ushort.MaxValue)
        {
            // Too big for a SHORT: make the entry a LONG, as a writer of such a value would.
            Write16(_bytes.AsSpan((int)entry.At + 2), 4);
            entry = entry with { Type = 4 };
        }

        if (entry.Type == 3)
        {
            Write16(span, (ushort)value);
        }
        else if (_big)
        {
            Write64(span, value);
        }
        else
        {
            Write32(span, (uint)value);
        }
    }

    /// <summary>Overwrites element <paramref name="index"/> of <paramref name="directory"/>'s LONG or LONG8 array
    /// <paramref name="tag"/> (e.g. TileOffsets, 324).</summary>
    public void SetElement(int directory, int tag, int index, ulong value)
    {
        var (at, width) = ElementAt(directory, tag, index);
        var span = _bytes.AsSpan((int)at);
        if (width == 8)
        {
            Write64(span, value);
        }
        else
        {
            Write32(span, (uint)value);
        }
    }

    /// <summary>Element <paramref name="index"/> of a LONG or LONG8 array tag.</summary>
    public ulong Element(int directory, int tag, int index)
    {
        var (at, width) = ElementAt(directory, tag, index);
        return width == 8 ? Read64(at) : Read32(at);
    }

    /// <summary>Points IFD <paramref name="directory"/>'s next-IFD pointer at <paramref name="target"/>.</summary>
    public void SetNext(int directory, long target)
    {
        var span = _bytes.AsSpan((int)NextPointers[directory]);
        if (_big)
        {
            Write64(span, (ulong)target);
        }
        else
        {
            Write32(span, (uint)target);
        }
    }

    private (long At, int Width) ElementAt(int directory, int tag, int index)
    {
        var entry = Entries.Single(e => e.Directory == directory && e.Tag == tag);
        var width = entry.Type == 16 ? 8 : 4;
        var count = _big ? (long)Read64(entry.At + 4) : Read32(entry.At + 4);
        var inline = count * width <= (_big ? 8 : 4);
        var at = inline ? entry.ValueAt : (long)(_big ? Read64(entry.ValueAt) : Read32(entry.ValueAt));
        return (at + (index * width), width);
    }

    private ushort Read16(long at) => _little ? BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan((int)at)) : BinaryPrimitives.ReadUInt16BigEndian(_bytes.AsSpan((int)at));

    private uint Read32(long at) => _little ? BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan((int)at)) : BinaryPrimitives.ReadUInt32BigEndian(_bytes.AsSpan((int)at));

    private ulong Read64(long at) => _little ? BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan((int)at)) : BinaryPrimitives.ReadUInt64BigEndian(_bytes.AsSpan((int)at));

    private void Write16(Span<byte> span, ushort value)
    {
        if (_little)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
    }

    private void Write32(Span<byte> span, uint value)
    {
        if (_little)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
    }

    private void Write64(Span<byte> span, ulong value)
    {
        if (_little)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(span, value);
        }
    }

    /// <summary>One directory entry: its IFD's position in the chain, where it sits, its tag and type, and where its value
    /// (or the offset of its values) is stored.</summary>
    public sealed record Entry(int Directory, long At, ushort Tag, ushort Type, long ValueAt);
}

using System.Buffers;
using System.Buffers.Binary;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Microsoft.Extensions.Caching.Hybrid;

namespace Iiif.Caching.Info;

/// <summary>The shared-tier form of <see cref="ImageInfo"/>: a version byte and fixed little-endian fields, written
/// explicitly so the stored form does not change with a property rename or a serializer's defaults.</summary>
/// <remarks>Format 1 is the fixed 23-byte form; format 2 (only written when the source has its own level sizes, a TIFF
/// pyramid) appends a level count and each level's width and height.</remarks>
internal sealed class ImageInfoSerializer : IHybridCacheSerializer<ImageInfo>
{
    private const byte FixedFormat = 1;
    private const byte LevelSizesFormat = 2;
    private const int FixedLength = 23;
    private const int MaxLevels = 64;

    public ImageInfo Deserialize(ReadOnlySequence<byte> source)
    {
        if (source.Length < FixedLength || source.Length > FixedLength + 1 + (MaxLevels * 8))
        {
            throw new InvalidDataException($"An info entry is {FixedLength} to {FixedLength + 1 + (MaxLevels * 8)} bytes, not {source.Length}.");
        }

        var bytes = source.ToArray().AsSpan();
        var info = ReadFixed(bytes);
        return bytes[0] switch
        {
            FixedFormat when bytes.Length == FixedLength => info,
            LevelSizesFormat when bytes.Length > FixedLength && bytes.Length == FixedLength + 1 + (bytes[FixedLength] * 8) =>
                info with { LevelSizes = ReadLevels(bytes[(FixedLength + 1)..], bytes[FixedLength]) },
            _ => throw new InvalidDataException($"Unknown info entry format {bytes[0]} ({bytes.Length} bytes)."),
        };
    }

    public void Serialize(ImageInfo value, IBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(target);
        var levels = value.LevelSizes is { Count: > 0 and <= MaxLevels } sizes ? sizes : null;
        var length = FixedLength + (levels is null ? 0 : 1 + (levels.Count * 8));
        var bytes = target.GetSpan(length)[..length];
        bytes.Clear();
        bytes[0] = levels is null ? FixedFormat : LevelSizesFormat;
        BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], value.Width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[5..], value.Height);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[9..], value.ResolutionLevels);
        if (value.NativeTileSize is { } tile)
        {
            bytes[13] = 1;
            BinaryPrimitives.WriteInt32LittleEndian(bytes[14..], tile.Width);
            BinaryPrimitives.WriteInt32LittleEndian(bytes[18..], tile.Height);
        }

        bytes[22] = value.IsGrayscale ? (byte)1 : (byte)0;
        if (levels is not null)
        {
            bytes[FixedLength] = (byte)levels.Count;
            for (var i = 0; i < levels.Count; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes[(FixedLength + 1 + (i * 8))..], levels[i].Width);
                BinaryPrimitives.WriteInt32LittleEndian(bytes[(FixedLength + 5 + (i * 8))..], levels[i].Height);
            }
        }

        target.Advance(length);
    }

    private static ImageInfo ReadFixed(ReadOnlySpan<byte> bytes)
    {
        var tile = bytes[13] == 1 ? new PixelSize(ReadInt(bytes, 14), ReadInt(bytes, 18)) : (PixelSize?)null;
        return new ImageInfo(ReadInt(bytes, 1), ReadInt(bytes, 5), ReadInt(bytes, 9), tile, bytes[22] == 1);
    }

    private static PixelSize[] ReadLevels(ReadOnlySpan<byte> bytes, int count)
    {
        var levels = new PixelSize[count];
        for (var i = 0; i < count; i++)
        {
            levels[i] = new PixelSize(ReadInt(bytes, i * 8), ReadInt(bytes, (i * 8) + 4));
        }

        return levels;
    }

    private static int ReadInt(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
}

using System.Buffers;
using System.Buffers.Binary;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Microsoft.Extensions.Caching.Hybrid;

namespace Iiif.Caching.Info;

/// <summary>The shared-tier form of <see cref="ImageInfo"/>: a version byte and fixed little-endian fields, written
/// explicitly so the stored form does not change with a property rename or a serializer's defaults.</summary>
internal sealed class ImageInfoSerializer : IHybridCacheSerializer<ImageInfo>
{
    private const byte FormatVersion = 1;
    private const int Length = 23;

    public ImageInfo Deserialize(ReadOnlySequence<byte> source)
    {
        if (source.Length != Length)
        {
            throw new InvalidDataException($"An info entry is {Length} bytes, not {source.Length}.");
        }

        Span<byte> bytes = stackalloc byte[Length];
        source.CopyTo(bytes);
        if (bytes[0] != FormatVersion)
        {
            throw new InvalidDataException($"Unknown info entry format {bytes[0]}.");
        }

        var tile = bytes[13] == 1 ? new PixelSize(ReadInt(bytes, 14), ReadInt(bytes, 18)) : (PixelSize?)null;
        return new ImageInfo(ReadInt(bytes, 1), ReadInt(bytes, 5), ReadInt(bytes, 9), tile, bytes[22] == 1);
    }

    public void Serialize(ImageInfo value, IBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(target);
        var bytes = target.GetSpan(Length)[..Length];
        bytes.Clear();
        bytes[0] = FormatVersion;
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
        target.Advance(Length);
    }

    private static int ReadInt(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
}

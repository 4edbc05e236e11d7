using System.Buffers.Binary;

namespace Iiif.Imaging.Decoding;

/// <summary>Reads just enough of a classic TIFF's first image file directory to tell whether the image is stored in
/// tiles (TIFF 6.0 §15: the TileWidth tag, 322). ImageSharp 2.1.13 decodes only strip-organised TIFF, so tiled
/// (typically pyramidal) files are refused up front with a clear reason instead of failing on the first tile.</summary>
internal static class TiffLayout
{
    private const ushort TileWidthTag = 322;
    private const int MaxDirectoryEntries = 4096;

    /// <summary>True when the first directory has a TileWidth tag. False for strip TIFF, BigTIFF and anything unreadable
    /// (the decoder then reports its own error).</summary>
    public static bool IsTiled(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return false;
        }

        var littleEndian = header[0] == (byte)'I' && header[1] == (byte)'I';
        if ((!littleEndian && !(header[0] == (byte)'M' && header[1] == (byte)'M')) || ReadUInt16(header[2..], littleEndian) != 42)
        {
            return false;
        }

        var directoryOffset = ReadUInt32(header[4..], littleEndian);
        if (directoryOffset + 2L > stream.Length)
        {
            return false;
        }

        stream.Position = directoryOffset;
        Span<byte> count = stackalloc byte[2];
        if (stream.ReadAtLeast(count, 2, throwOnEndOfStream: false) < 2)
        {
            return false;
        }

        var entries = Math.Min((int)ReadUInt16(count, littleEndian), MaxDirectoryEntries);
        Span<byte> entry = stackalloc byte[12];
        for (var i = 0; i < entries; i++)
        {
            if (stream.ReadAtLeast(entry, entry.Length, throwOnEndOfStream: false) < entry.Length)
            {
                return false;
            }

            if (ReadUInt16(entry, littleEndian) == TileWidthTag)
            {
                return true;
            }
        }

        return false;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
}

using System.Buffers.Binary;

namespace Iiif.Imaging.Tiff;

/// <summary>Makes a stand-alone JPEG file from a TIFF JPEG tile (TIFF Technical Note 2: an abbreviated stream whose tables
/// live in the directory's JPEGTables): SOI, a colour marker, the ICC profile as APP2 segments, the tables, then the
/// tile's own segments after its SOI. The entropy-coded data is untouched, so the file decodes to the stored pixels.</summary>
/// <remarks>The colour marker says what the components are, which inside TIFF the Photometric tag said: a JFIF APP0 for
/// YCbCr and grey, an Adobe APP14 with transform 0 for RGB (libtiff writes RGB tiles with neither marker, and a reader
/// would otherwise take three components for YCbCr).</remarks>
internal static class JpegTileSplicer
{
    /// <summary>An ICC profile is split into APP2 chunks of at most this many bytes (ICC.1 annex B.4).</summary>
    private const int MaxIccChunk = 65_519;

    private static ReadOnlySpan<byte> Jfif => [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];

    private static ReadOnlySpan<byte> AdobeRgb => [0xFF, 0xEE, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00];

    private static ReadOnlySpan<byte> IccSignature => "ICC_PROFILE\0"u8;

    /// <summary>The spliced file (<paramref name="rgb"/> for RGB-coded components), or null when the tables or the tile are not the streams TIFF JPEG promises.</summary>
    public static byte[]? Splice(ReadOnlySpan<byte> tables, ReadOnlySpan<byte> tile, ReadOnlySpan<byte> iccProfile, bool rgb)
    {
        var colorMarker = rgb ? AdobeRgb : Jfif;
        if (!IsMarker(tile, 0, 0xD8) || (!tables.IsEmpty && (tables.Length < 4 || !IsMarker(tables, 0, 0xD8) || !IsMarker(tables, tables.Length - 2, 0xD9))))
        {
            return null;
        }

        var chunks = (iccProfile.Length + MaxIccChunk - 1) / MaxIccChunk;
        if (chunks > 255)
        {
            return null;
        }

        var innerTables = tables.IsEmpty ? [] : tables[2..^2];
        var length = 2 + colorMarker.Length + (chunks * (4 + IccSignature.Length + 2)) + iccProfile.Length + innerTables.Length + (tile.Length - 2);
        var output = new byte[length];
        var at = 0;
        output[at++] = 0xFF;
        output[at++] = 0xD8;
        colorMarker.CopyTo(output.AsSpan(at));
        at += colorMarker.Length;
        for (var i = 0; i < chunks; i++)
        {
            var chunk = iccProfile.Slice(i * MaxIccChunk, Math.Min(MaxIccChunk, iccProfile.Length - (i * MaxIccChunk)));
            output[at++] = 0xFF;
            output[at++] = 0xE2;
            BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(at), (ushort)(2 + IccSignature.Length + 2 + chunk.Length));
            at += 2;
            IccSignature.CopyTo(output.AsSpan(at));
            at += IccSignature.Length;
            output[at++] = (byte)(i + 1);
            output[at++] = (byte)chunks;
            chunk.CopyTo(output.AsSpan(at));
            at += chunk.Length;
        }

        innerTables.CopyTo(output.AsSpan(at));
        at += innerTables.Length;
        tile[2..].CopyTo(output.AsSpan(at));
        return output;
    }

    private static bool IsMarker(ReadOnlySpan<byte> bytes, int at, byte marker) =>
        bytes.Length >= at + 2 && bytes[at] == 0xFF && bytes[at + 1] == marker;
}

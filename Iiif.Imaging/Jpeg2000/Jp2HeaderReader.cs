using System.Buffers.Binary;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Walks the JP2 boxes up to the codestream and reads the colour specification and palette boxes.</summary>
/// <remarks>Lenient by design: a malformed box ends the walk and yields what was found so far, because OpenJPEG reads
/// the same boxes right after and reports the damage with its own message.</remarks>
internal static class Jp2HeaderReader
{
    private const uint Jp2HeaderBox = 0x6A703268;  // 'jp2h'
    private const uint CodestreamBox = 0x6A703263; // 'jp2c'
    private const uint ColourBox = 0x636F6C72;     // 'colr'
    private const uint PaletteBox = 0x70636C72;    // 'pclr'
    private const int MaxBoxes = 256;

    /// <summary>Reads from the current position (a JP2 signature box) and restores the position afterwards.</summary>
    public static Jp2Header Read(Stream stream)
    {
        var start = stream.Position;
        try
        {
            var header = Jp2Header.None;
            WalkBoxes(stream, start, stream.Length, ref header, depth: 0);
            return header;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static bool WalkBoxes(Stream stream, long position, long end, ref Jp2Header header, int depth)
    {
        var colourSeen = header.ColorSpace != Jpeg2000ColorSpace.Unspecified || header.HasIccProfile;
        for (var i = 0; i < MaxBoxes && position + 8 <= end; i++)
        {
            if (!TryReadBoxHeader(stream, position, end, out var type, out var contentStart, out var boxEnd))
            {
                return false;
            }

            if (type == CodestreamBox)
            {
                return false;
            }

            if (type == Jp2HeaderBox && depth == 0)
            {
                WalkBoxes(stream, contentStart, boxEnd, ref header, depth + 1);
                return false;
            }

            if (type == ColourBox && !colourSeen && depth == 1)
            {
                // ISO 15444-1 I.5.3.3: the first colour specification box is the one a reader must use.
                header = ReadColour(stream, contentStart, boxEnd, header);
                colourSeen = true;
            }
            else if (type == PaletteBox && depth == 1 && boxEnd - contentStart >= 3)
            {
                stream.Position = contentStart + 2;
                header = header with { PaletteColumns = stream.ReadByte() };
            }

            position = boxEnd;
        }

        return true;
    }

    private static Jp2Header ReadColour(Stream stream, long contentStart, long boxEnd, Jp2Header header)
    {
        Span<byte> content = stackalloc byte[7];
        stream.Position = contentStart;
        var length = (int)Math.Min(content.Length, boxEnd - contentStart);
        if (length < 3 || stream.ReadAtLeast(content[..length], length, throwOnEndOfStream: false) < length)
        {
            return header;
        }

        var method = content[0];
        if (method == 1 && length == 7)
        {
            var enumCs = BinaryPrimitives.ReadUInt32BigEndian(content[3..]);
            return header with { ColorSpace = Jp2Header.FromEnumeratedColorSpace(enumCs) };
        }

        return method is 2 or 3 && boxEnd - contentStart > 3
            ? header with { ColorSpace = Jpeg2000ColorSpace.Icc, HasIccProfile = true }
            : header;
    }

    /// <summary>Reads a box header (ISO 15444-1 I.4): LBox, TBox, and XLBox when LBox is 1; LBox 0 runs to the end.</summary>
    private static bool TryReadBoxHeader(Stream stream, long position, long end, out uint type, out long contentStart, out long boxEnd)
    {
        Span<byte> bytes = stackalloc byte[16];
        stream.Position = position;
        type = 0;
        contentStart = boxEnd = 0;
        if (stream.ReadAtLeast(bytes[..8], 8, throwOnEndOfStream: false) < 8)
        {
            return false;
        }

        long length = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        type = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        contentStart = position + 8;
        if (length == 1)
        {
            if (stream.ReadAtLeast(bytes[8..], 8, throwOnEndOfStream: false) < 8)
            {
                return false;
            }

            length = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), long.MaxValue);
            contentStart = position + 16;
        }
        else if (length == 0)
        {
            length = end - position;
        }

        if (length < contentStart - position || length > end - position)
        {
            return false;
        }

        boxEnd = position + length;
        return true;
    }
}

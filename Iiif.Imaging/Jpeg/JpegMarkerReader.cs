using System.Buffers.Binary;

namespace Iiif.Imaging.Jpeg;

/// <summary>Walks a JPEG's marker segments from SOI to the first SOS (ITU-T T.81 B.1.1) and picks out what TurboJPEG
/// 2.1 does not report: the frame header's coding process and sampling, the ICC profile chunks and the JFIF density.
/// Every length is checked against the data, so a damaged header ends the walk instead of reading past it.</summary>
internal static class JpegMarkerReader
{
    private static ReadOnlySpan<byte> IccIdentifier => "ICC_PROFILE\0"u8;

    private static ReadOnlySpan<byte> JfifIdentifier => "JFIF\0"u8;

    /// <summary>The segments of interest, or null when no frame header (SOFn) comes before the first scan.</summary>
    public static (JpegFrame Frame, byte[]? IccProfile, JfifDensity? Density)? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            return null;
        }

        JpegFrame? frame = null;
        JfifDensity? density = null;
        var icc = new SortedDictionary<int, (int Count, int Offset, int Length)>();
        var consistent = true;
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                break;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                // Fill byte before a marker (T.81 B.1.1.2).
                position++;
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }

            if (marker is 0xDA or 0xD9)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length)
            {
                break;
            }

            var body = data.Slice(position + 4, length - 2);
            if (IsFrameMarker(marker))
            {
                frame ??= ReadFrame(marker, body);
            }
            else if (marker == 0xE0 && body.Length >= 12 && body.StartsWith(JfifIdentifier))
            {
                density ??= new JfifDensity(body[7], BinaryPrimitives.ReadUInt16BigEndian(body[8..]), BinaryPrimitives.ReadUInt16BigEndian(body[10..]));
            }
            else if (marker == 0xE2 && body.Length > 14 && body.StartsWith(IccIdentifier))
            {
                // ICC.1:2010 B.4: sequence number (from 1) and chunk count follow the identifier.
                int sequence = body[12], count = body[13];
                consistent &= sequence >= 1 && sequence <= count && icc.TryAdd(sequence, (count, position + 4 + 14, body.Length - 14))
                    && icc.Values.All(chunk => chunk.Count == count);
            }

            position += 2 + length;
        }

        return frame is { } found ? (found, Assemble(data, icc, consistent), density) : null;
    }

    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static bool IsFrameMarker(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static JpegFrame? ReadFrame(byte marker, ReadOnlySpan<byte> body)
    {
        // T.81 B.2.2: precision, height, width, component count, then (id, h << 4 | v, table) per component.
        if (body.Length < 6)
        {
            return null;
        }

        var count = body[5];
        if (count == 0 || body.Length < 6 + (3 * count))
        {
            return null;
        }

        int maxH = 1, maxV = 1, sum = 0;
        for (var i = 0; i < count; i++)
        {
            var sampling = body[6 + (3 * i) + 1];
            int h = sampling >> 4, v = sampling & 0x0F;
            maxH = Math.Max(maxH, h);
            maxV = Math.Max(maxV, v);
            sum += h * v;
        }

        return new JpegFrame(marker, body[0], BinaryPrimitives.ReadUInt16BigEndian(body[3..]), BinaryPrimitives.ReadUInt16BigEndian(body[1..]),
            count, (double)sum / (maxH * maxV));
    }

    // A profile is used only when every chunk from 1 to its count is present once; otherwise the image is untagged,
    // as libjpeg's own jpeg_read_icc_profile decides.
    private static byte[]? Assemble(ReadOnlySpan<byte> data, SortedDictionary<int, (int Count, int Offset, int Length)> chunks, bool consistent)
    {
        if (!consistent || chunks.Count == 0 || chunks.Count != chunks.First().Value.Count)
        {
            return null;
        }

        var profile = new byte[chunks.Values.Sum(chunk => chunk.Length)];
        var offset = 0;
        foreach (var chunk in chunks.Values)
        {
            data.Slice(chunk.Offset, chunk.Length).CopyTo(profile.AsSpan(offset));
            offset += chunk.Length;
        }

        return profile;
    }
}

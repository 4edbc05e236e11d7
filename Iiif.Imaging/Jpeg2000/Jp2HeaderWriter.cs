using System.Buffers.Binary;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Writes the JP2 boxes around a codestream (ISO 15444-1 Annex I). Done here rather than by OpenJPEG's JP2
/// codec because OpenJPEG 2.5.0 cannot embed an ICC profile (its writer asserts, aborting the process), drops the
/// channel definitions whenever a profile is present, and never declares e-sYCC.</summary>
internal static class Jp2HeaderWriter
{
    private const ushort ColourChannel = 0;
    private const ushort OpacityChannel = 1;
    private const ushort Unspecified = 0xFFFF;

    /// <summary>Writes signature, file type and header boxes, then the codestream box header with a length still to be
    /// filled in by <see cref="FinishCodestreamBox"/>. Returns the codestream box's position.</summary>
    public static long WriteHeader(Stream output, ISampleSource source, ReadOnlySpan<byte> iccProfile)
    {
        using var buffer = new MemoryStream();
        WriteBox(buffer, "jP  ", [0x0D, 0x0A, 0x87, 0x0A]);
        WriteBox(buffer, "ftyp", [.. "jp2 "u8, 0, 0, 0, 0, .. "jp2 "u8]);

        using var header = new MemoryStream();
        WriteImageHeader(header, source);
        WriteColour(header, source, iccProfile);
        WriteChannelDefinitions(header, source.Components);
        WriteBox(buffer, "jp2h", header.ToArray());

        output.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var codestreamBox = output.Position;
        output.Write([0, 0, 0, 0, .. "jp2c"u8]);
        return codestreamBox;
    }

    /// <summary>Fills in the codestream box length now that the codestream ends at the output's current position.</summary>
    public static void FinishCodestreamBox(Stream output, long codestreamBox)
    {
        var end = output.Position;
        var length = end - codestreamBox;
        if (length > uint.MaxValue)
        {
            // OpenJPEG 2.5 reads neither XLBox lengths above 2^32 nor open-ended boxes.
            throw new Jpeg2000EncodeException("The codestream exceeds 4 GB, which OpenJPEG cannot read back.");
        }

        Span<byte> lengthBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(lengthBytes, (uint)length);
        output.Position = codestreamBox;
        output.Write(lengthBytes);
        output.Position = end;
    }

    private static void WriteImageHeader(Stream header, ISampleSource source)
    {
        var components = source.Components;
        var bitDepth = BitDepth(components[0]);
        var uniform = components.All(c => BitDepth(c) == bitDepth);

        Span<byte> ihdr = stackalloc byte[14];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)source.Height);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr[4..], (uint)source.Width);
        BinaryPrimitives.WriteUInt16BigEndian(ihdr[8..], (ushort)components.Count);
        ihdr[10] = uniform ? bitDepth : (byte)0xFF;
        ihdr[11] = 7; // compression type: JPEG 2000
        ihdr[12] = 0; // colour space known
        ihdr[13] = 0; // no intellectual property box
        WriteBox(header, "ihdr", ihdr);

        if (!uniform)
        {
            WriteBox(header, "bpcc", components.Select(BitDepth).ToArray());
        }
    }

    private static void WriteColour(Stream header, ISampleSource source, ReadOnlySpan<byte> iccProfile)
    {
        if (!iccProfile.IsEmpty)
        {
            WriteBox(header, "colr", [2, 0, 0, .. iccProfile]);
            return;
        }

        var enumCs = Jp2Header.ToEnumeratedColorSpace(source.ColorSpace)
            ?? Jp2Header.ToEnumeratedColorSpace(source.Components.Count(c => !c.IsAlpha) >= 3 ? Jpeg2000ColorSpace.SRgb : Jpeg2000ColorSpace.Gray)!.Value;
        Span<byte> colr = stackalloc byte[7];
        colr[0] = 1; // enumerated colour space
        BinaryPrimitives.WriteUInt32BigEndian(colr[3..], enumCs);
        WriteBox(header, "colr", colr);
    }

    /// <summary>Declares colour channels in order and the opacity channel (I.5.3.6), only when there is one: without a
    /// cdef box readers take the first components as colour already.</summary>
    private static void WriteChannelDefinitions(Stream header, IReadOnlyList<SampleComponent> components)
    {
        if (!components.Any(c => c.IsAlpha))
        {
            return;
        }

        var colourCount = components.Count(c => !c.IsAlpha) >= 3 ? 3 : 1;
        var cdef = new byte[2 + (6 * components.Count)];
        BinaryPrimitives.WriteUInt16BigEndian(cdef, (ushort)components.Count);
        var colourSeen = 0;
        for (var i = 0; i < components.Count; i++)
        {
            var (type, association) = components[i].IsAlpha
                ? (OpacityChannel, (ushort)0)
                : colourSeen < colourCount ? (ColourChannel, (ushort)++colourSeen) : (Unspecified, Unspecified);
            var entry = cdef.AsSpan(2 + (6 * i));
            BinaryPrimitives.WriteUInt16BigEndian(entry, (ushort)i);
            BinaryPrimitives.WriteUInt16BigEndian(entry[2..], type);
            BinaryPrimitives.WriteUInt16BigEndian(entry[4..], association);
        }

        WriteBox(header, "cdef", cdef);
    }

    private static byte BitDepth(SampleComponent component) =>
        (byte)((component.Precision - 1) | (component.IsSigned ? 0x80 : 0));

    private static void WriteBox(Stream output, string type, ReadOnlySpan<byte> content)
    {
        Span<byte> boxHeader = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(boxHeader, (uint)(8 + content.Length));
        for (var i = 0; i < 4; i++)
        {
            boxHeader[4 + i] = (byte)type[i];
        }

        output.Write(boxHeader);
        output.Write(content);
    }
}

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Tells JP2 files from raw codestreams by their first bytes, before OpenJPEG sees them (the library would
/// otherwise try to parse a PNG as a JP2 and report a confusing box error).</summary>
internal static class Jpeg2000Signature
{
    /// <summary>The JP2 signature box (ISO 15444-1 I.5.1): length 12, type 'jP  ', content 0D 0A 87 0A.</summary>
    private static ReadOnlySpan<byte> Jp2Signature => [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A];

    /// <summary>SOC then the SIZ marker, which must follow it (ISO 15444-1 A.4.1, A.5.1).</summary>
    private static ReadOnlySpan<byte> CodestreamStart => [0xFF, 0x4F, 0xFF, 0x51];

    /// <summary>Reads the first 12 bytes at the current position (restoring it) and names the container.</summary>
    /// <exception cref="ImageDecodeException">The data is empty or starts with neither signature.</exception>
    public static Jpeg2000Container Detect(Stream stream)
    {
        Span<byte> head = stackalloc byte[12];
        var start = stream.Position;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;

        if (read == 0)
        {
            throw new ImageDecodeException("The JPEG 2000 source is empty (0 bytes).");
        }

        if (read >= Jp2Signature.Length && head.SequenceEqual(Jp2Signature))
        {
            return Jpeg2000Container.Jp2;
        }

        if (read >= CodestreamStart.Length && head[..CodestreamStart.Length].SequenceEqual(CodestreamStart))
        {
            return Jpeg2000Container.J2k;
        }

        throw new ImageDecodeException("Not a JPEG 2000 file: it starts with neither the JP2 signature box nor a J2K SOC/SIZ marker.");
    }
}

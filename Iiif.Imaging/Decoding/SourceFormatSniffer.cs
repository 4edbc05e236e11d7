namespace Iiif.Imaging.Decoding;

/// <summary>Tells a source's format from its first bytes. Extensions lie (a PNG saved as <c>.jpg</c>); signatures do not.</summary>
public static class SourceFormatSniffer
{
    /// <summary>The number of leading bytes every check needs at most.</summary>
    public const int HeaderLength = 16;

    // ISO 15444-1 I.5.1: the JPEG 2000 signature box (length 12, type 'jP  ', content 0D 0A 87 0A).
    private static ReadOnlySpan<byte> Jp2Signature => [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A];

    // ISO 15444-1 A.4: a codestream starts with SOC (FF4F) followed by SIZ (FF51).
    private static ReadOnlySpan<byte> J2kSignature => [0xFF, 0x4F, 0xFF, 0x51];

    private static ReadOnlySpan<byte> TiffLittleEndian => "II*\0"u8;

    private static ReadOnlySpan<byte> TiffBigEndian => "MM\0*"u8;

    private static ReadOnlySpan<byte> BigTiffLittleEndian => "II+\0"u8;

    private static ReadOnlySpan<byte> BigTiffBigEndian => "MM\0+"u8;

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format whose signature <paramref name="header"/> starts with, or <see cref="SourceFormat.Unknown"/>.</summary>
    public static SourceFormat Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(Jp2Signature))
        {
            return SourceFormat.Jp2;
        }

        if (header.StartsWith(J2kSignature))
        {
            return SourceFormat.J2k;
        }

        if (header.StartsWith(TiffLittleEndian) || header.StartsWith(TiffBigEndian)
            || header.StartsWith(BigTiffLittleEndian) || header.StartsWith(BigTiffBigEndian))
        {
            return SourceFormat.Tiff;
        }

        if (header.StartsWith(JpegSignature))
        {
            return SourceFormat.Jpeg;
        }

        if (header.StartsWith(PngSignature))
        {
            return SourceFormat.Png;
        }

        return DetectByName(header);
    }

    private static SourceFormat DetectByName(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return SourceFormat.Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return SourceFormat.Webp;
        }

        return header.StartsWith("BM"u8) ? SourceFormat.Bmp : SourceFormat.Unknown;
    }
}

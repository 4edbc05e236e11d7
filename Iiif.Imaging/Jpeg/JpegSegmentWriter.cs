using System.Buffers.Binary;
using SixLabors.ImageSharp.Metadata;

namespace Iiif.Imaging.Jpeg;

/// <summary>Writes a TurboJPEG output stream with what TurboJPEG 2.1 cannot add itself: the ICC profile (APP2 segments)
/// and the JFIF pixel density of the image's metadata, as ImageSharp's encoder wrote them before.</summary>
internal static class JpegSegmentWriter
{
    // ICC.1:2010 Annex B.4: APP2, "ICC_PROFILE\0", a 1-based sequence number and the chunk count, then up to
    // 65 519 bytes of profile (a segment's length field counts at most 65 535 bytes, itself and the 14-byte header included).
    private const int IccHeaderLength = 14;
    private const int MaxIccChunk = ushort.MaxValue - 2 - IccHeaderLength;
    private const int MaxIccChunks = 255;

    // SOI, then APP0 "JFIF\0" with version, units, x and y density (JFIF 1.02 section "JFIF marker segments").
    private const int JfifEnd = 20;

    private static ReadOnlySpan<byte> IccIdentifier => "ICC_PROFILE\0"u8;

    private static ReadOnlySpan<byte> JfifIdentifier => "JFIF\0"u8;

    /// <summary>Writes <paramref name="jpeg"/> to <paramref name="destination"/> with <paramref name="iccProfile"/> (if
    /// any) in APP2 segments right after the JFIF segment, and the JFIF density taken from <paramref name="metadata"/>.</summary>
    public static void Write(Stream destination, ReadOnlySpan<byte> jpeg, byte[]? iccProfile, ImageMetadata metadata)
    {
        var hasJfif = jpeg.Length > JfifEnd && jpeg[2] == 0xFF && jpeg[3] == 0xE0 && jpeg.Slice(6, 5).SequenceEqual(JfifIdentifier);
        var headEnd = hasJfif ? JfifEnd : 2;
        Span<byte> head = stackalloc byte[JfifEnd];
        jpeg[..headEnd].CopyTo(head);
        if (hasJfif)
        {
            WriteDensity(head, metadata);
        }

        destination.Write(head[..headEnd]);
        if (iccProfile is { Length: > 0 })
        {
            WriteIcc(destination, iccProfile);
        }

        destination.Write(jpeg[headEnd..]);
    }

    /// <summary>Units and density as ImageSharp 2.1.13 wrote them: dots per metre become dots per inch, values rounded.</summary>
    private static void WriteDensity(Span<byte> head, ImageMetadata metadata)
    {
        var (units, x, y) = metadata.ResolutionUnits switch
        {
            PixelResolutionUnit.PixelsPerMeter => (PixelResolutionUnit.PixelsPerInch, metadata.HorizontalResolution * 0.0254, metadata.VerticalResolution * 0.0254),
            _ => (metadata.ResolutionUnits, metadata.HorizontalResolution, metadata.VerticalResolution),
        };
        head[13] = (byte)units;
        BinaryPrimitives.WriteUInt16BigEndian(head[14..], Density(x));
        BinaryPrimitives.WriteUInt16BigEndian(head[16..], Density(y));
    }

    private static ushort Density(double value) => (ushort)Math.Clamp(Math.Round(value), 1, ushort.MaxValue);

    private static void WriteIcc(Stream destination, byte[] profile)
    {
        var count = (profile.Length + MaxIccChunk - 1) / MaxIccChunk;
        if (count > MaxIccChunks)
        {
            // A profile this large (over 16 MB) cannot be carried by JPEG at all; the image is written untagged.
            return;
        }

        Span<byte> header = stackalloc byte[4 + IccHeaderLength];
        for (var i = 0; i < count; i++)
        {
            var chunk = profile.AsSpan(i * MaxIccChunk, Math.Min(MaxIccChunk, profile.Length - (i * MaxIccChunk)));
            header[0] = 0xFF;
            header[1] = 0xE2;
            BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(2 + IccHeaderLength + chunk.Length));
            IccIdentifier.CopyTo(header[4..]);
            header[16] = (byte)(i + 1);
            header[17] = (byte)count;
            destination.Write(header);
            destination.Write(chunk);
        }
    }
}

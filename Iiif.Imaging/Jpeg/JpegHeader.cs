using Iiif.Imaging.Jpeg.Native;

namespace Iiif.Imaging.Jpeg;

/// <summary>What a JPEG's header says, read before any pixel is decoded: geometry and colour from TurboJPEG, the coding
/// process and the metadata segments (ICC profile, JFIF density) from our own walk over the markers.</summary>
internal sealed record JpegHeader
{
    /// <summary>Full-resolution width.</summary>
    public required int Width { get; init; }

    /// <summary>Full-resolution height.</summary>
    public required int Height { get; init; }

    /// <summary>The colour space the header declares, or null when TurboJPEG cannot read the header (see
    /// <see cref="TurboJpegRefusal"/>).</summary>
    public required TjColorspace? Colorspace { get; init; }

    /// <summary>Why TurboJPEG could not read the header (12-bit and lossless files, which libjpeg-turbo 2.1's 8-bit
    /// TurboJPEG library refuses), or null.</summary>
    public string? TurboJpegRefusal { get; init; }

    /// <summary>The frame: its coding process, precision and components.</summary>
    public required JpegFrame Frame { get; init; }

    /// <summary>The embedded ICC profile reassembled from its APP2 chunks, or null (none, or chunks missing).</summary>
    public byte[]? IccProfile { get; init; }

    /// <summary>The JFIF APP0 density, or null when there is no JFIF segment.</summary>
    public JfifDensity? Density { get; init; }

    /// <summary>True for one luminance component.</summary>
    public bool IsGray => Colorspace == TjColorspace.Gray;

    /// <summary>True when TurboJPEG decodes this file into the working pixel types (L8 or Rgb24): 8-bit DCT JPEG in gray,
    /// YCbCr or RGB. CMYK and YCCK (no colour conversion to RGB in libjpeg), 12-bit and lossless files are not.</summary>
    public bool IsTurboDecodable => Frame.Precision == 8 && !Frame.IsLossless && !Frame.IsHierarchical
        && Colorspace is TjColorspace.Gray or TjColorspace.YCbCr or TjColorspace.Rgb;

    /// <summary>Bytes per decoded pixel: 1 (L8) or 3 (Rgb24).</summary>
    public int BytesPerPixel => IsGray ? 1 : 3;

    /// <summary>The decoded size at DCT scale 1/2^<paramref name="reduce"/>: each side rounded up, as libjpeg scales.</summary>
    public (int Width, int Height) ScaledSize(int reduce) => (Scale(Width, reduce), Scale(Height, reduce));

    /// <summary>Bytes of the decoded image at DCT scale 1/2^<paramref name="reduce"/>.</summary>
    public long DecodedBytes(int reduce)
    {
        var (w, h) = ScaledSize(reduce);
        return (long)w * h * BytesPerPixel;
    }

    private static int Scale(int side, int reduce) => (int)(((long)side + (1L << reduce) - 1) >> reduce);
}

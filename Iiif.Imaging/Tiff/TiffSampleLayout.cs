using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>How a directory's samples become pixels of one of the four working types (or their 16-bit forms for the
/// converter): which samples are colour, which is alpha, their depth and signedness, and the route through libtiff.</summary>
internal sealed record TiffSampleLayout
{
    /// <summary>The Photometric tag.</summary>
    public required ushort Photometric { get; init; }

    /// <summary>BitsPerSample (one value for every sample).</summary>
    public required int BitsPerSample { get; init; }

    /// <summary>SamplesPerPixel as stored (colour + extra samples).</summary>
    public required int SamplesPerPixel { get; init; }

    /// <summary>True for PlanarConfig 2: each sample in its own plane of blocks.</summary>
    public required bool IsPlanar { get; init; }

    /// <summary>True for SampleFormat 2 (two's complement).</summary>
    public required bool IsSigned { get; init; }

    /// <summary>Colour channels of the output: 1 (grey) or 3 (RGB, also for palette, YCbCr and the RGBA route).</summary>
    public required int ColorChannels { get; init; }

    /// <summary>The stored sample index of the alpha channel, or -1.</summary>
    public required int AlphaSample { get; init; }

    /// <summary>True when alpha is associated (premultiplied) and must be divided out.</summary>
    public required bool IsAlphaAssociated { get; init; }

    /// <summary>True when pixels come from libtiff's RGBA interface (old-style JPEG, YCbCr without JPEG, CMYK, CIELab):
    /// 8 bits per channel, colour premultiplied by alpha when there is alpha.</summary>
    public required bool UsesRgbaInterface { get; init; }

    /// <summary>True for JPEG-compressed YCbCr, which libjpeg converts to RGB (JPEGCOLORMODE).</summary>
    public required bool ConvertsJpegToRgb { get; init; }

    /// <summary>The ColorMap (red entries, then green, then blue; 16 bits each) of a palette image, else empty.</summary>
    public required ReadOnlyMemory<ushort> ColorMap { get; init; }

    /// <summary>True when there is an alpha channel.</summary>
    public bool HasAlpha => AlphaSample >= 0;

    /// <summary>Channels per output pixel.</summary>
    public int OutputChannels => ColorChannels + (HasAlpha ? 1 : 0);

    /// <summary>True when the samples have 16 bits worth keeping (the converter writes them as 16-bit).</summary>
    public bool IsDeep => BitsPerSample == 16 && !UsesRgbaInterface && Photometric != TiffCodes.PhotometricPalette;

    /// <summary>The working type of the 8-bit output.</summary>
    public WorkingPixelType PixelType => (ColorChannels, HasAlpha) switch
    {
        (1, false) => WorkingPixelType.L8,
        (1, true) => WorkingPixelType.La16,
        (_, false) => WorkingPixelType.Rgb24,
        _ => WorkingPixelType.Rgba32,
    };

    /// <summary>True when two directories decode into the same kind of pixels (pyramid levels must).</summary>
    public bool IsCompatibleWith(TiffSampleLayout other) =>
        ColorChannels == other.ColorChannels && HasAlpha == other.HasAlpha;
}

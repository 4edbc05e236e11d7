using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SharpDecoder = SixLabors.ImageSharp.Formats.IImageDecoder;
using SharpInfoDetector = SixLabors.ImageSharp.Formats.IImageInfoDetector;

namespace Iiif.Imaging.Decoding;

/// <summary>What ImageSharp 2.1.13 offers per source format: the decoder to use, and what its header says about colour
/// and alpha. Version 2.1.13 has no reduced-size (scaled IDCT) JPEG decode, which arrived with 3.x, so JPEG is decoded
/// whole like the others.</summary>
internal static class ImageSharpFormats
{
    // IIIF serves still images: only the first frame of an animated GIF is decoded.
    private static readonly GifDecoder Gif = new() { DecodingMode = FrameDecodingMode.First };
    private static readonly JpegDecoder Jpeg = new();
    private static readonly PngDecoder Png = new();
    private static readonly WebpDecoder Webp = new();
    private static readonly BmpDecoder Bmp = new();

    /// <summary>True for the formats this decoder family reads.</summary>
    public static bool IsSupported(SourceFormat format) => format is SourceFormat.Jpeg
        or SourceFormat.Png or SourceFormat.Gif or SourceFormat.Webp or SourceFormat.Bmp;

    /// <summary>The ImageSharp decoder for <paramref name="format"/>.</summary>
    public static SharpDecoder DecoderFor(SourceFormat format) => format switch
    {
        SourceFormat.Jpeg => Jpeg,
        SourceFormat.Png => Png,
        SourceFormat.Gif => Gif,
        SourceFormat.Webp => Webp,
        SourceFormat.Bmp => Bmp,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an ImageSharp source format."),
    };

    /// <summary>Reads the header of a <paramref name="format"/> stream; null when ImageSharp does not recognise it.</summary>
    public static IImageInfo? Identify(SourceFormat format, Configuration configuration, Stream stream, CancellationToken cancellationToken) =>
        ((SharpInfoDetector)DecoderFor(format)).Identify(configuration, stream, cancellationToken);

    /// <summary>True when the header says the image has no colour. Knowable for JPEG (one component) and PNG (a grey
    /// colour type); GIF, BMP and WebP have none or cannot say, so those count as colour (which only makes info.json
    /// offer <c>color</c> needlessly).</summary>
    public static bool IsGrayscale(IImageInfo info, SourceFormat format) => format switch
    {
        SourceFormat.Jpeg => info.Metadata.GetJpegMetadata().ColorType == JpegColorType.Luminance,
        SourceFormat.Png => info.Metadata.GetPngMetadata().ColorType is PngColorType.Grayscale or PngColorType.GrayscaleWithAlpha,
        _ => false,
    };

    /// <summary>The type to decode into: grey or colour as <see cref="IsGrayscale"/> says, with alpha whenever the source
    /// may carry it (better a needless channel than lost transparency).</summary>
    public static WorkingPixelType WorkingTypeFor(IImageInfo info, SourceFormat format)
    {
        var alpha = MayHaveAlpha(info, format);
        return IsGrayscale(info, format)
            ? alpha ? WorkingPixelType.La16 : WorkingPixelType.L8
            : alpha ? WorkingPixelType.Rgba32 : WorkingPixelType.Rgb24;
    }

    /// <summary>Decodes the whole stream straight into <paramref name="type"/>.</summary>
    public static Image Decode(SourceFormat format, WorkingPixelType type, Configuration configuration, Stream stream)
    {
        var decoder = DecoderFor(format);
        // Not cancellable: one decode serves every request waiting for it, so no single caller may abort it.
        var none = CancellationToken.None;
        return type switch
        {
            WorkingPixelType.L8 => decoder.Decode<L8>(configuration, stream, none),
            WorkingPixelType.La16 => decoder.Decode<La16>(configuration, stream, none),
            WorkingPixelType.Rgb24 => decoder.Decode<Rgb24>(configuration, stream, none),
            _ => decoder.Decode<Rgba32>(configuration, stream, none),
        };
    }

    private static bool MayHaveAlpha(IImageInfo info, SourceFormat format) => format switch
    {
        SourceFormat.Jpeg => false,
        SourceFormat.Gif => true,
        SourceFormat.Png => info.Metadata.GetPngMetadata() is var png
            && (png.HasTransparency || png.ColorType is PngColorType.RgbWithAlpha or PngColorType.GrayscaleWithAlpha or PngColorType.Palette),
        // BMP, WebP: 32 bits and more may be RGBA.
        _ => info.PixelType.BitsPerPixel is 16 or >= 32,
    };
}

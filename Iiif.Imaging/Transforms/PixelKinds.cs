using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Transforms;

/// <summary>The four pixel types the transform works in (L8, La16, Rgb24, Rgba32) and the conversions between them.
/// Every conversion returns the image to keep using and disposes the one it replaced.</summary>
internal static class PixelKinds
{
    /// <summary>True for a one-channel (plus optional alpha) image.</summary>
    public static bool IsGray(Image image) => image is Image<L8> or Image<La16> or Image<L16> or Image<La32>;

    /// <summary>True when the pixel type carries an alpha channel. Known types are listed because ImageSharp 2.1.13
    /// leaves <c>Image.PixelType.AlphaRepresentation</c> unset on images created in memory.</summary>
    public static bool HasAlpha(Image image) => image switch
    {
        Image<La16> or Image<La32> or Image<Rgba32> or Image<Bgra32> or Image<Argb32> or Image<Rgba64> => true,
        Image<L8> or Image<L16> or Image<Rgb24> or Image<Bgr24> or Image<Rgb48> => false,
        _ => image.PixelType.AlphaRepresentation is { } alpha && alpha != PixelAlphaRepresentation.None,
    };

    /// <summary>Brings any decoded pixel type (16-bit, CMYK-derived...) to the nearest of the four working types.</summary>
    public static Image Normalize(Image image, Configuration configuration) => (IsGray(image), HasAlpha(image)) switch
    {
        (true, true) => ConvertTo<La16>(image, configuration),
        (true, false) => ConvertTo<L8>(image, configuration),
        (false, true) => ConvertTo<Rgba32>(image, configuration),
        (false, false) => ConvertTo<Rgb24>(image, configuration),
    };

    /// <summary>Converts to luminance, keeping alpha. ImageSharp's L8/La16 conversions weight the channels by
    /// Rec. 709 (0.2126 R + 0.7152 G + 0.0722 B), the coefficients of sRGB primaries.</summary>
    public static Image ToGray(Image image, Configuration configuration)
    {
        if (IsGray(image))
        {
            return Normalize(image, configuration);
        }

        // An RGB ICC profile would mislabel one-channel data, and viewers may then reject or miscolour the output.
        if (image.Metadata.IccProfile is { } icc && icc.Header.DataColorSpace != IccColorSpaceType.Gray)
        {
            image.Metadata.IccProfile = null;
        }

        return HasAlpha(image) ? ConvertTo<La16>(image, configuration) : ConvertTo<L8>(image, configuration);
    }

    /// <summary>Adds an alpha channel (L8 to La16, Rgb24 to Rgba32) so that area outside a rotated image can be
    /// transparent rather than black.</summary>
    public static Image WithAlpha(Image image, Configuration configuration) =>
        IsGray(image) ? ConvertTo<La16>(image, configuration) : ConvertTo<Rgba32>(image, configuration);

    /// <summary>Drops the alpha channel (La16 to L8, Rgba32 to Rgb24); call after compositing onto a background.</summary>
    public static Image WithoutAlpha(Image image, Configuration configuration) =>
        IsGray(image) ? ConvertTo<L8>(image, configuration) : ConvertTo<Rgb24>(image, configuration);

    private static Image ConvertTo<TPixel>(Image image, Configuration configuration)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        if (image is Image<TPixel>)
        {
            return image;
        }

        var converted = image.CloneAs<TPixel>(configuration);
        image.Dispose();
        return converted;
    }
}

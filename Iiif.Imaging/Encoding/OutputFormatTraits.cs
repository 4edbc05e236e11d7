using Iiif.Core.Requests;

namespace Iiif.Imaging.Encoding;

/// <summary>What each output format can carry, as the transform needs to know it before encoding.</summary>
internal static class OutputFormatTraits
{
    /// <summary>True when the encoder writes an alpha channel, so the corners of an arbitrary rotation may stay
    /// transparent (the spec recommends it for png, webp, tif and gif: https://iiif.io/api/image/3.0/#43-rotation). tif is false: ImageSharp 2.1.13's
    /// TiffEncoder has no bit depth with alpha and would write the transparent corners black. jpg, pdf and jp2 get
    /// white corners (our choice: the spec names no colour).</summary>
    public static bool SupportsTransparency(ImageFormat format) => format switch
    {
        ImageFormat.Png or ImageFormat.Gif or ImageFormat.Webp => true,
        ImageFormat.Jpg or ImageFormat.Tif or ImageFormat.Jp2 or ImageFormat.Pdf => false,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };
}

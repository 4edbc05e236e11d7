namespace Iiif.Core.Requests;

/// <summary>URL extensions and media types of <see cref="ImageFormat"/>, as an explicit table.</summary>
public static class ImageFormats
{
    /// <summary>Every format, in the order info.json lists them.</summary>
    public static IReadOnlyList<ImageFormat> All { get; } =
        [ImageFormat.Jpg, ImageFormat.Png, ImageFormat.Gif, ImageFormat.Webp, ImageFormat.Tif, ImageFormat.Jp2, ImageFormat.Pdf];

    /// <summary>The URL extension, e.g. <c>jpg</c>.</summary>
    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Jpg => "jpg",
        ImageFormat.Png => "png",
        ImageFormat.Gif => "gif",
        ImageFormat.Webp => "webp",
        ImageFormat.Tif => "tif",
        ImageFormat.Jp2 => "jp2",
        ImageFormat.Pdf => "pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    /// <summary>The Content-Type the spec lists for the format.</summary>
    public static string MediaType(ImageFormat format) => format switch
    {
        ImageFormat.Jpg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.Gif => "image/gif",
        ImageFormat.Webp => "image/webp",
        ImageFormat.Tif => "image/tiff",
        ImageFormat.Jp2 => "image/jp2",
        ImageFormat.Pdf => "application/pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    /// <summary>Maps an extension to a format; exact and case-sensitive (<c>jpeg</c>, <c>tiff</c> and <c>JPG</c> are refused).</summary>
    public static bool TryParse(string extension, out ImageFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Extension(candidate), extension, StringComparison.Ordinal))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}

namespace Iiif.Core.Requests;

/// <summary>The output format (https://iiif.io/api/image/3.0/#45-format). Tokens and media types are mapped by <see cref="ImageFormats"/>.</summary>
public enum ImageFormat
{
    /// <summary><c>jpg</c>, image/jpeg.</summary>
    Jpg,

    /// <summary><c>png</c>, image/png.</summary>
    Png,

    /// <summary><c>gif</c>, image/gif.</summary>
    Gif,

    /// <summary><c>webp</c>, image/webp.</summary>
    Webp,

    /// <summary><c>tif</c>, image/tiff.</summary>
    Tif,

    /// <summary><c>jp2</c>, image/jp2.</summary>
    Jp2,

    /// <summary><c>pdf</c>, application/pdf.</summary>
    Pdf,
}

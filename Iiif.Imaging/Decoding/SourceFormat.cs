namespace Iiif.Imaging.Decoding;

/// <summary>The source formats the server recognises by their magic bytes.</summary>
public enum SourceFormat
{
    /// <summary>Not a recognised format.</summary>
    Unknown,

    /// <summary>JPEG 2000 in a JP2-family file (JP2, JPX, JPF: all start with the JP2 signature box).</summary>
    Jp2,

    /// <summary>A raw JPEG 2000 codestream (J2K, J2C).</summary>
    J2k,

    /// <summary>TIFF, either byte order, classic or BigTIFF.</summary>
    Tiff,

    /// <summary>JPEG (JFIF, EXIF and raw).</summary>
    Jpeg,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>GIF (87a and 89a).</summary>
    Gif,

    /// <summary>WebP (a RIFF container of form type WEBP).</summary>
    Webp,

    /// <summary>Windows bitmap.</summary>
    Bmp,
}

namespace Iiif.Imaging.Jpeg2000;

/// <summary>The colour space a JPEG 2000 file declares (JP2 colour specification box, ISO 15444-1 I.5.3.3).</summary>
public enum Jpeg2000ColorSpace
{
    /// <summary>Nothing declared: a raw codestream, or a JP2 file without an enumerated colour space.</summary>
    Unspecified = 0,

    /// <summary>sRGB (EnumCS 16).</summary>
    SRgb,

    /// <summary>Greyscale (EnumCS 17).</summary>
    Gray,

    /// <summary>sYCC (EnumCS 18): luma and chroma, chroma often subsampled.</summary>
    SYcc,

    /// <summary>e-sYCC (EnumCS 24): extended-gamut YCC.</summary>
    EYcc,

    /// <summary>CMYK (EnumCS 12).</summary>
    Cmyk,

    /// <summary>A restricted ICC profile (METH 2) instead of an enumerated space.</summary>
    Icc,

    /// <summary>Another enumerated space this reader does not name.</summary>
    Other,
}

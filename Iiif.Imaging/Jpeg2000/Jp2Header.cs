namespace Iiif.Imaging.Jpeg2000;

/// <summary>What the JP2 header boxes say about colour (OpenJPEG only applies these after a full decode, so the
/// header-only facts read them directly).</summary>
/// <param name="ColorSpace">From the first colour specification box.</param>
/// <param name="HasIccProfile">True when that box carries an ICC profile (METH 2 or 3).</param>
/// <param name="PaletteColumns">Columns of the palette box, 0 without a palette.</param>
internal sealed record Jp2Header(Jpeg2000ColorSpace ColorSpace, bool HasIccProfile, int PaletteColumns)
{
    /// <summary>A raw codestream has no boxes.</summary>
    public static Jp2Header None { get; } = new(Jpeg2000ColorSpace.Unspecified, false, 0);

    /// <summary>Maps an EnumCS value (ISO 15444-1 Table I.10, 15444-2 Table M.25) to the public enum.</summary>
    public static Jpeg2000ColorSpace FromEnumeratedColorSpace(uint enumCs) => enumCs switch
    {
        16 => Jpeg2000ColorSpace.SRgb,
        17 => Jpeg2000ColorSpace.Gray,
        18 => Jpeg2000ColorSpace.SYcc,
        24 => Jpeg2000ColorSpace.EYcc,
        12 => Jpeg2000ColorSpace.Cmyk,
        _ => Jpeg2000ColorSpace.Other,
    };

    /// <summary>The EnumCS value written for <paramref name="colorSpace"/>, or null when it has none.</summary>
    public static uint? ToEnumeratedColorSpace(Jpeg2000ColorSpace colorSpace) => colorSpace switch
    {
        Jpeg2000ColorSpace.SRgb => 16,
        Jpeg2000ColorSpace.Gray => 17,
        Jpeg2000ColorSpace.SYcc => 18,
        Jpeg2000ColorSpace.EYcc => 24,
        Jpeg2000ColorSpace.Cmyk => 12,
        _ => null,
    };
}

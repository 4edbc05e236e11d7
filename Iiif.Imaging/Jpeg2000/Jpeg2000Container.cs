namespace Iiif.Imaging.Jpeg2000;

/// <summary>How the codestream is stored.</summary>
public enum Jpeg2000Container
{
    /// <summary>The JP2 file format (ISO 15444-1 Annex I): boxes carrying colour space, ICC profile and channel
    /// definitions around the codestream.</summary>
    Jp2,

    /// <summary>A raw codestream (.j2k, .j2c): no colour information.</summary>
    J2k,
}

namespace Iiif.Core.Requests;

/// <summary>The quality parameter (https://iiif.io/api/image/3.0/#44-quality). Tokens are mapped by <see cref="ImageQualities"/>, never by enum parsing.</summary>
public enum ImageQuality
{
    /// <summary><c>default</c>: the image's own colour.</summary>
    Default,

    /// <summary><c>color</c>: full colour.</summary>
    Color,

    /// <summary><c>gray</c>: greyscale.</summary>
    Gray,

    /// <summary><c>bitonal</c>: pure black and white.</summary>
    Bitonal,
}

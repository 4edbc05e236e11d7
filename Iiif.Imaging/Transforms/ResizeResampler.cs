namespace Iiif.Imaging.Transforms;

/// <summary>The interpolation used for the size step and for arbitrary rotation.</summary>
public enum ResizeResampler
{
    /// <summary>Bicubic (Catmull-Rom): sharp and fast enough for tiles. The default.</summary>
    Bicubic,

    /// <summary>Lanczos with a 3-pixel window: the sharpest, and the slowest.</summary>
    Lanczos3,

    /// <summary>Triangle (bilinear): softer and faster than bicubic.</summary>
    Triangle,

    /// <summary>Box: averages whole source pixels; good for strong downscaling only.</summary>
    Box,

    /// <summary>Mitchell-Netravali: a smoother bicubic with less ringing.</summary>
    MitchellNetravali,

    /// <summary>Nearest neighbour: no interpolation, hard pixel edges.</summary>
    NearestNeighbor,
}

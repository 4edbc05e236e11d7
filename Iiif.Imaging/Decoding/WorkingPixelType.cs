namespace Iiif.Imaging.Decoding;

/// <summary>The pixel type a whole-image decode lands in, chosen from the header so nothing is stored wider than the
/// source needs (the transform's four working types). The value is the bytes per pixel.</summary>
internal enum WorkingPixelType
{
    /// <summary>Grey, 1 byte per pixel.</summary>
    L8 = 1,

    /// <summary>Grey with alpha, 2 bytes per pixel.</summary>
    La16 = 2,

    /// <summary>Colour, 3 bytes per pixel.</summary>
    Rgb24 = 3,

    /// <summary>Colour with alpha, 4 bytes per pixel.</summary>
    Rgba32 = 4,
}

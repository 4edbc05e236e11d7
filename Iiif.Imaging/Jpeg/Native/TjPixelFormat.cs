namespace Iiif.Imaging.Jpeg.Native;

/// <summary>The <c>enum TJPF</c> pixel formats this layer uses (values from turbojpeg.h).</summary>
internal enum TjPixelFormat
{
    /// <summary>TJPF_RGB: 3 bytes per pixel, R, G, B (ImageSharp's Rgb24).</summary>
    Rgb = 0,

    /// <summary>TJPF_GRAY: 1 byte per pixel (ImageSharp's L8).</summary>
    Gray = 6,

    /// <summary>TJPF_CMYK: 4 bytes per pixel, as stored (Adobe files store them inverted).</summary>
    Cmyk = 11,
}

namespace Iiif.Imaging.Jpeg.Native;

/// <summary><c>enum TJCS</c>: the colour space of a JPEG image as its header declares it (values from turbojpeg.h).</summary>
internal enum TjColorspace
{
    /// <summary>RGB stored without a colour transform.</summary>
    Rgb = 0,

    /// <summary>YCbCr (JFIF), the usual case.</summary>
    YCbCr = 1,

    /// <summary>One luminance component.</summary>
    Gray = 2,

    /// <summary>CMYK stored without a transform.</summary>
    Cmyk = 3,

    /// <summary>CMYK whose first three components went through the YCbCr transform (Adobe).</summary>
    Ycck = 4,
}

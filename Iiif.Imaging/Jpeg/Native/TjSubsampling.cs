namespace Iiif.Imaging.Jpeg.Native;

/// <summary><c>enum TJSAMP</c>: chroma subsampling of a JPEG image (values from turbojpeg.h).</summary>
internal enum TjSubsampling
{
    /// <summary>4:4:4, no chroma subsampling.</summary>
    S444 = 0,

    /// <summary>4:2:2, chroma halved horizontally.</summary>
    S422 = 1,

    /// <summary>4:2:0, chroma halved both ways.</summary>
    S420 = 2,

    /// <summary>Grayscale: luminance only.</summary>
    Gray = 3,

    /// <summary>4:4:0, chroma halved vertically.</summary>
    S440 = 4,

    /// <summary>4:1:1, chroma quartered horizontally.</summary>
    S411 = 5,
}

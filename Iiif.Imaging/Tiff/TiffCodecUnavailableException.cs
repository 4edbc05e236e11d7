using Iiif.Imaging.Decoding;

namespace Iiif.Imaging.Tiff;

/// <summary>A TIFF uses a compression scheme the system's libtiff was built without (or one libtiff does not know), so
/// its pixels cannot be read here. The message names the scheme.</summary>
public sealed class TiffCodecUnavailableException : SourceDecodeException
{
    /// <summary>Creates the exception with a default message.</summary>
    public TiffCodecUnavailableException()
        : base("The TIFF's compression scheme is not available in this libtiff.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public TiffCodecUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    public TiffCodecUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the scheme called <paramref name="codec"/> (tag value <paramref name="code"/>).</summary>
    public TiffCodecUnavailableException(string codec, int code)
        : base($"The TIFF is compressed with {codec} (Compression {code}), which this server's libtiff cannot decode.")
    {
        Codec = codec;
    }

    /// <summary>The compression scheme's name, e.g. <c>JPEG XL</c> (null when unknown).</summary>
    public string? Codec { get; }
}

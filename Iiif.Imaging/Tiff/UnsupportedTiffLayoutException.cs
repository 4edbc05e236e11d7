using Iiif.Imaging.Decoding;

namespace Iiif.Imaging.Tiff;

/// <summary>A TIFF whose sample layout this server does not turn into pixels: floating-point or complex samples, bit
/// depths other than 1, 2, 4, 8 and 16, a photometric interpretation libtiff cannot convert to RGB, and the like. The
/// message says which.</summary>
public sealed class UnsupportedTiffLayoutException : SourceDecodeException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UnsupportedTiffLayoutException()
        : base("The TIFF's sample layout is not supported.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public UnsupportedTiffLayoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    public UnsupportedTiffLayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

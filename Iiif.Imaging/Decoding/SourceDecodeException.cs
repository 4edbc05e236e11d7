namespace Iiif.Imaging.Decoding;

/// <summary>A source's bytes could not be turned into pixels: not an image, truncated, corrupt, or beyond the decoder's
/// limits. The server's fault to report (a 500 with the identifier logged), never the client's.</summary>
public class SourceDecodeException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SourceDecodeException()
        : base("The source image could not be decoded.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public SourceDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the decoder's own exception, if any.</summary>
    public SourceDecodeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when only the requested region failed (e.g. a JPEG 2000 tile missing from a truncated file) and other
    /// regions of the same source may still decode; false when the source as a whole cannot be read.</summary>
    public bool RegionOnly { get; init; }
}

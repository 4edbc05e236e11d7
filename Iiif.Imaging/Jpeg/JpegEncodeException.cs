namespace Iiif.Imaging.Jpeg;

/// <summary>TurboJPEG refused to encode an image; the message carries the library's reason.</summary>
public sealed class JpegEncodeException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public JpegEncodeException()
        : base("The image could not be encoded as JPEG.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public JpegEncodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public JpegEncodeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

namespace Iiif.Imaging.Decoding;

/// <summary>No registered decoder recognises the source's magic bytes (or the source is empty).</summary>
public sealed class UnsupportedImageFormatException : SourceDecodeException
{
    /// <summary>Creates the exception with a default message.</summary>
    public UnsupportedImageFormatException()
        : base("The source is not in a supported image format.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public UnsupportedImageFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    public UnsupportedImageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

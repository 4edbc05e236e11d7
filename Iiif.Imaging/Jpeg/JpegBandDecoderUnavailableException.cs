namespace Iiif.Imaging.Jpeg;

/// <summary>The band decoder's program (<c>djpeg</c>, Debian package <c>libjpeg-turbo-progs</c>) is not installed.</summary>
public sealed class JpegBandDecoderUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public JpegBandDecoderUnavailableException()
        : base("djpeg is not installed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public JpegBandDecoderUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public JpegBandDecoderUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

namespace Iiif.Imaging.Jpeg2000;

/// <summary>OpenJPEG refused to encode an image; carries the codec's messages.</summary>
public sealed class Jpeg2000EncodeException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public Jpeg2000EncodeException()
        : this("The image could not be encoded as JPEG 2000.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public Jpeg2000EncodeException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public Jpeg2000EncodeException(string message, Exception? innerException)
        : base(message, innerException) => EncoderMessages = [];

    /// <summary>Creates the exception with <paramref name="message"/> and the codec's messages.</summary>
    public Jpeg2000EncodeException(string message, IReadOnlyList<string> encoderMessages)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(encoderMessages);
        EncoderMessages = encoderMessages;
    }

    /// <summary>What the codec reported, each message prefixed with its severity, bounded in count and length.</summary>
    public IReadOnlyList<string> EncoderMessages { get; }
}

using Iiif.Imaging.Decoding;

namespace Iiif.Imaging;

/// <summary>A source image could not be decoded: it is empty, truncated, corrupt, or not in a format the decoder reads.
/// Carries the decoder's own diagnostic messages (for logs; they may be too technical for a client). A
/// <see cref="SourceDecodeException"/>, so callers catch one type for every decoder's failures.</summary>
public sealed class ImageDecodeException : SourceDecodeException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ImageDecodeException()
        : this("The image could not be decoded.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ImageDecodeException(string message)
        : this(message, [], null)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public ImageDecodeException(string message, Exception? innerException)
        : this(message, [], innerException)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the decoder's messages.</summary>
    public ImageDecodeException(string message, IReadOnlyList<string> decoderMessages, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(decoderMessages);
        DecoderMessages = decoderMessages;
    }

    /// <summary>What the decoder reported (errors, warnings, information), each prefixed with its severity, in order.
    /// Bounded in count and length. Empty when the failure was found before the decoder ran.</summary>
    public IReadOnlyList<string> DecoderMessages { get; }
}

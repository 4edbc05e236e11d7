namespace Iiif.Imaging.Sources;

/// <summary>Synchronous positional reads of one source version: what native codec callbacks (OpenJPEG's stream, libtiff's
/// client procedures) and stream-based decoders read through. Not thread-safe; one per decode.</summary>
public interface ISourceReader : IDisposable
{
    /// <summary>The source's length in bytes.</summary>
    long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>: all of it, fewer bytes only at the
    /// end, 0 at or past the end.</summary>
    /// <exception cref="SourceUnavailableException">A remote source failed or changed.</exception>
    /// <exception cref="OperationCanceledException">The reader's token was cancelled.</exception>
    int Read(long offset, Span<byte> destination);
}

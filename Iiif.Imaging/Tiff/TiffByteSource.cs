namespace Iiif.Imaging.Tiff;

/// <summary>The one place libtiff's reads reach a source: positional reads over the source's seekable stream. libtiff
/// jumps between directories and tiles, so every read names its offset. A source that is not a local file replaces
/// this class, nothing else.</summary>
internal sealed class TiffByteSource : IDisposable
{
    private readonly Stream _stream;

    /// <summary>Reads <paramref name="stream"/> (seekable and readable; disposed with this object).</summary>
    public TiffByteSource(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }

        _stream = stream;
        Length = stream.Length;
    }

    /// <summary>The source's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>; fewer bytes only at the end.</summary>
    public int Read(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset >= Length)
        {
            return 0;
        }

        _stream.Position = offset;
        return _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();
}

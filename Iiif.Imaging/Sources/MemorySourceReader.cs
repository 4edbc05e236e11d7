namespace Iiif.Imaging.Sources;

/// <summary>Positional reads of bytes already in memory (a source fetched whole, or a test's image).</summary>
public sealed class MemorySourceReader : ISourceReader
{
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>A reader over <paramref name="bytes"/>, which the caller must not change while it is used.</summary>
    public MemorySourceReader(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
    }

    /// <inheritdoc/>
    public long Length => _bytes.Length;

    /// <inheritdoc/>
    public int Read(long offset, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset >= _bytes.Length)
        {
            return 0;
        }

        var available = _bytes.Span[(int)offset..];
        var count = Math.Min(available.Length, destination.Length);
        available[..count].CopyTo(destination);
        return count;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}

using System.Collections.Concurrent;

namespace Iiif.Imaging.Jpeg;

/// <summary>Idle compressors kept for reuse: creating one sets up a whole libjpeg compressor, a noticeable share of a
/// small tile's encode. Thread-safe; holds at most a few idle compressors per core.</summary>
internal sealed class JpegCompressorPool : IDisposable
{
    private readonly ConcurrentBag<JpegCompressor> _idle = [];
    private readonly int _maxIdle = Math.Max(2, Environment.ProcessorCount * 2);
    private bool _disposed;

    /// <summary>An idle compressor, or a new one. Give it back with <see cref="Return"/>.</summary>
    public JpegCompressor Rent() => _idle.TryTake(out var compressor) ? compressor : new JpegCompressor();

    /// <summary>Takes <paramref name="compressor"/> back for reuse, or disposes it when enough are idle.</summary>
    public void Return(JpegCompressor compressor)
    {
        ArgumentNullException.ThrowIfNull(compressor);
        compressor.Trim();
        if (Volatile.Read(ref _disposed) || _idle.Count >= _maxIdle)
        {
            compressor.Dispose();
            return;
        }

        _idle.Add(compressor);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var compressor))
        {
            compressor.Dispose();
        }
    }
}

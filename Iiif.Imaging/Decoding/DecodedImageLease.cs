using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>Read access to a cached decoded image. While the lease is open the image stays alive even if the cache evicts
/// it. Readers must not mutate <see cref="Image"/>: other requests read it at the same time.</summary>
internal sealed class DecodedImageLease : IDisposable
{
    private readonly DecodedImageCache _cache;
    private readonly CachedImage _entry;
    private int _disposed;

    public DecodedImageLease(DecodedImageCache cache, CachedImage entry, Image image)
    {
        _cache = cache;
        _entry = entry;
        Image = image;
    }

    /// <summary>The shared, read-only decoded image.</summary>
    public Image Image { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cache.Release(_entry);
        }
    }
}

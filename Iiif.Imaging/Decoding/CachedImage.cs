using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>One entry of <see cref="DecodedImageCache"/>: a lazily decoded image, the bytes it is charged, and how many
/// leases read it. All mutable state is guarded by the cache's lock; the image itself is never mutated once decoded.</summary>
internal sealed class CachedImage
{
    private readonly Lazy<Image> _image;

    public CachedImage(DecodedImageKey key, long bytes, Func<Image> decode)
    {
        Key = key;
        Bytes = bytes;
        // ExecutionAndPublication: concurrent first requests wait for the one decode instead of starting their own.
        _image = new Lazy<Image>(decode, LazyThreadSafetyMode.ExecutionAndPublication);
        Node = new LinkedListNode<CachedImage>(this);
    }

    public DecodedImageKey Key { get; }

    /// <summary>The bytes charged against the budget: the estimate until the image is decoded, then the real size.</summary>
    public long Bytes { get; set; }

    /// <summary>True once the real size has replaced the estimate.</summary>
    public bool IsMeasured { get; set; }

    /// <summary>Open leases; the image is disposed only when this is 0 and the entry has left the cache.</summary>
    public int Leases { get; set; }

    /// <summary>True once the entry has left the cache (evicted, failed, or the cache disposed).</summary>
    public bool IsRemoved { get; set; }

    /// <summary>The entry's place in the cache's recency list.</summary>
    public LinkedListNode<CachedImage> Node { get; }

    /// <summary>The image, decoding it on first use; throws what the decode threw.</summary>
    public Image Image => _image.Value;

    /// <summary>The decoded image if there is one, for disposal.</summary>
    public Image? DecodedOrNull => _image.IsValueCreated ? _image.Value : null;
}

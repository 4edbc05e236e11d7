using Iiif.Core.Diagnostics;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>A least-recently-used cache of decoded images bounded by a byte budget: whole non-pyramidal sources (so their
/// tiles are cut from one decode) or decoded JPEG 2000 and TIFF blocks. Concurrent requests for an absent image share one
/// decode. Reports its counters as one <see cref="CacheStatistics"/> tier.</summary>
/// <remarks>Thread-safe: one lock guards the map, the recency list and the counts; decoding runs outside it. Images are
/// handed out through leases: eviction removes an entry at once but disposes its image only after the last lease ends,
/// so a reader never sees pooled memory reused under it. The budget bounds what the cache holds; images evicted while
/// still leased live on briefly beyond it.</remarks>
internal sealed class DecodedImageCache : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DecodedImageKey, CachedImage> _entries = [];
    private readonly LinkedList<CachedImage> _recency = new();
    private readonly string _name;
    private long _usedBytes;
    private int _decodeCount;
    private long _hits;
    private long _misses;
    private long _evictions;

    /// <summary>Creates a cache of <paramref name="budgetBytes"/>, reported as <paramref name="name"/>.</summary>
    public DecodedImageCache(long budgetBytes, string name = "decoded-images")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        BudgetBytes = budgetBytes;
        _name = name;
    }

    /// <summary>The most bytes of decoded images the cache holds.</summary>
    public long BudgetBytes { get; }

    /// <summary>How many decodes have started (for tests and statistics).</summary>
    public int DecodeCount => Volatile.Read(ref _decodeCount);

    /// <summary>Bytes currently charged against the budget.</summary>
    public long UsedBytes
    {
        get
        {
            lock (_gate)
            {
                return _usedBytes;
            }
        }
    }

    /// <summary>The cache's counters: entries and bytes now, hits and misses of <see cref="TryAcquire"/> and
    /// <see cref="Acquire"/> lookups, and entries evicted to make room.</summary>
    public CacheStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return new CacheStatistics(_name, "memory", _entries.Count, _usedBytes, _hits, _misses, _evictions);
            }
        }
    }

    /// <summary>Called at the start of every decode, before the factory runs. A test hook (e.g. to hold a decode until
    /// concurrent requests have queued behind it); null in production.</summary>
    internal Action? DecodeStarting { get; set; }

    /// <summary>Open leases on the entry for <paramref name="key"/> (0 when absent), for tests and statistics.</summary>
    internal int Leases(DecodedImageKey key)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var entry) ? entry.Leases : 0;
        }
    }

    /// <summary>A lease on the cached image for <paramref name="key"/>, or null when it is not cached.</summary>
    public DecodedImageLease? TryAcquire(DecodedImageKey key)
    {
        CachedImage? entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out entry))
            {
                return null;
            }

            _hits++;
            Touch(entry);
        }

        return Complete(entry);
    }

    /// <summary>A lease on the image for <paramref name="key"/>, decoding it with <paramref name="decode"/> when absent.
    /// <paramref name="estimatedBytes"/> is charged until the decode reports the real size; older entries are evicted to
    /// make room first.</summary>
    public DecodedImageLease Acquire(DecodedImageKey key, long estimatedBytes, Func<Image> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        CachedImage? entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out entry))
            {
                _hits++;
                Touch(entry);
            }
            else
            {
                _misses++;
                entry = new CachedImage(key, estimatedBytes, () => Run(decode));
                EvictFor(estimatedBytes);
                _entries.Add(key, entry);
                _recency.AddFirst(entry.Node);
                _usedBytes += estimatedBytes;
                entry.Leases++;
            }
        }

        return Complete(entry);
    }

    /// <summary>Ends a lease (called by <see cref="DecodedImageLease.Dispose"/>).</summary>
    internal void Release(CachedImage entry)
    {
        Image? dispose = null;
        lock (_gate)
        {
            entry.Leases--;
            if (entry.IsRemoved && entry.Leases == 0)
            {
                dispose = entry.DecodedOrNull;
            }
        }

        dispose?.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        List<Image> dispose = [];
        lock (_gate)
        {
            foreach (var entry in _entries.Values.ToList())
            {
                Remove(entry, dispose);
            }
        }

        dispose.ForEach(image => image.Dispose());
    }

    private Image Run(Func<Image> decode)
    {
        Interlocked.Increment(ref _decodeCount);
        DecodeStarting?.Invoke();
        return decode();
    }

    // Under the lock: the caller takes a lease and moves the entry to the front.
    private void Touch(CachedImage entry)
    {
        entry.Leases++;
        _recency.Remove(entry.Node);
        _recency.AddFirst(entry.Node);
    }

    private DecodedImageLease Complete(CachedImage entry)
    {
        Image image;
        try
        {
            image = entry.Image;
        }
        catch
        {
            // A failed decode leaves the cache, so the next request tries again instead of meeting a cached exception.
            lock (_gate)
            {
                entry.Leases--;
                Remove(entry, null);
            }

            throw;
        }

        Measure(entry, image);
        return new DecodedImageLease(this, entry, image);
    }

    private void Measure(CachedImage entry, Image image)
    {
        lock (_gate)
        {
            if (entry.IsMeasured)
            {
                return;
            }

            var actual = (long)image.Width * image.Height * image.PixelType.BitsPerPixel / 8;
            if (!entry.IsRemoved)
            {
                _usedBytes += actual - entry.Bytes;
            }

            entry.Bytes = actual;
            entry.IsMeasured = true;
        }
    }

    private void EvictFor(long bytes)
    {
        List<Image> dispose = [];
        while (_usedBytes + bytes > BudgetBytes && _recency.Last is { } oldest)
        {
            Remove(oldest.Value, dispose);
            _evictions++;
        }

        // Under the lock, but only images nobody reads any more; disposing returns buffers to the pool, it does no I/O.
        dispose.ForEach(image => image.Dispose());
    }

    private void Remove(CachedImage entry, List<Image>? dispose)
    {
        if (entry.IsRemoved)
        {
            return;
        }

        entry.IsRemoved = true;
        _entries.Remove(entry.Key);
        _recency.Remove(entry.Node);
        _usedBytes -= entry.Bytes;
        if (entry.Leases == 0 && entry.DecodedOrNull is { } image)
        {
            dispose?.Add(image);
        }
    }
}

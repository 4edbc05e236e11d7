using Iiif.Caching.Internal;
using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Iiif.Caching.Derivatives;

/// <summary>The hot tier: a private <see cref="MemoryCache"/> capped at <see cref="CacheMemoryOptions.MaxBytes"/>, every
/// entry sized by its byte length, holding only derivatives up to <see cref="CacheMemoryOptions.MaxItemBytes"/> so a few
/// large images cannot push out many hot tiles (and at most a twentieth of the tier). When full, the least recently used
/// entries are compacted away (never the whole cache). Off when the cap is 0.</summary>
internal sealed class MemoryDerivativeTier : IDerivativeTier, IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly long _maxItemBytes;
    private readonly KeyIndex _index = new();
    private readonly TierCounter _counter = new();
    private long _evictions;

    public MemoryDerivativeTier(CachingOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxBytes = options.Memory.MaxBytes;
        // MemoryCache refuses an entry that does not fit and compacts (least recently used first) only above 95 % of
        // its limit: items of at most 5 % of it make every refusal start a compaction, so the tier never stays full.
        _maxItemBytes = Math.Min(maxBytes / 20, CacheMemoryOptions.MaxItemBytes);
        if (maxBytes > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions
            {
                SizeLimit = maxBytes,
                TrackStatistics = true,
                Clock = new TimeProviderClock(time),
            });
        }
    }

    public CacheTier Tier => CacheTier.Memory;

    public bool Enabled => _cache is not null;

    public long Count => _cache?.Count ?? 0;

    public long Bytes => _cache?.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Entries removed (or refused) to stay within the size cap since start-up.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>Keyed by the <see cref="DerivativeKey"/> itself, not its hashed id: a hot hit costs string comparisons,
    /// no hashing.</summary>
    public bool TryGet(DerivativeKey key, out DerivativeEntry entry)
    {
        entry = null!;
        return _cache is not null && _cache.TryGetValue(key, out entry!) && entry is not null;
    }

    /// <summary>Whether the entry is held, without refreshing its recency as <see cref="TryGet"/> does (so it stays
    /// where the least-recently-used order put it). Walks the keys: for checks, not for serving.</summary>
    public bool Holds(DerivativeKey key) => _cache is not null && _cache.Keys.Contains(key);

    public void Set(DerivativeKey key, DerivativeEntry entry)
    {
        if (_cache is null)
        {
            return;
        }

        if (entry.Bytes.LongLength > _maxItemBytes)
        {
            // A refresh may have made the entry too big for this tier: the older copy must not be served any more.
            _cache.Remove(key);
            return;
        }

        var options = new MemoryCacheEntryOptions { Size = Math.Max(1, entry.Bytes.LongLength) };
        options.RegisterPostEvictionCallback(static (key, value, reason, state) =>
        {
            var (tier, group) = ((MemoryDerivativeTier, string))state!;
            if (reason == EvictionReason.Capacity)
            {
                Interlocked.Increment(ref tier._evictions);
            }

            if (reason != EvictionReason.Replaced && value is not null)
            {
                tier._index.Remove(group, key, value);
            }
        }, (this, key.Identifier));
        _index.Add(key.Identifier, key, entry);
        _cache.Set(key, entry, options);
    }

    /// <summary>Removes the identifier's entries (or only its profile entries); returns the ids removed.</summary>
    public IReadOnlyCollection<string> Purge(string identifier, bool profilesOnly)
    {
        var removed = new List<string>();
        if (_cache is null)
        {
            return removed;
        }

        foreach (var (key, value) in _index.Get(identifier))
        {
            if ((!profilesOnly || ((DerivativeEntry)value).Metadata.IsProfile) && _cache.TryGetValue(key, out _))
            {
                _cache.Remove(key);
                removed.Add(DerivativeId.For((DerivativeKey)key).Id);
            }
        }

        return removed;
    }

    /// <summary>Removes everything; returns the ids removed.</summary>
    public IReadOnlyCollection<string> PurgeAll()
    {
        if (_cache is null)
        {
            return [];
        }

        var removed = _cache.Keys.OfType<DerivativeKey>().Select(key => DerivativeId.For(key).Id).ToList();
        _cache.Clear();
        _index.Clear();
        return removed;
    }

    public ValueTask<CachedDerivative?> TryGetAsync(DerivativeAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var found = TryGet(address.Key, out var entry);
        _counter.Count(found);
        return ValueTask.FromResult(found ? CachedDerivative.FromEntry(entry, Tier) : null);
    }

    // An entry too large for this tier is no failure: the slower tiers keep it.
    public ValueTask<bool> StoreAsync(DerivativeAddress address, DerivativeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(address);
        Set(address.Key, entry);
        return ValueTask.FromResult(true);
    }

    public CacheStatistics GetStatistics() =>
        new(TieredDerivativeCache.CacheName, Tier.Name, Count, Bytes, _counter.Hits, _counter.Misses, Evictions);

    public void Dispose() => _cache?.Dispose();
}

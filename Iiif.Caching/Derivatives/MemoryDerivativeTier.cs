using Iiif.Caching.Internal;
using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace Iiif.Caching.Derivatives;

/// <summary>The hot tier: a private <see cref="MemoryCache"/> capped at <see cref="CachingOptions.MemoryMaxBytes"/>, every
/// entry sized by its byte length, holding only derivatives up to <see cref="CachingOptions.MemoryMaxItemBytes"/> so a few
/// large images cannot push out many hot tiles. Off when the cap is 0.</summary>
internal sealed class MemoryDerivativeTier : IDerivativeTier, IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly long _maxItemBytes;
    private readonly KeyIndex _index = new();
    private readonly TierCounter _counter = new();

    public MemoryDerivativeTier(CachingOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxItemBytes = options.MemoryMaxItemBytes;
        if (options.MemoryMaxBytes > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions
            {
                SizeLimit = options.MemoryMaxBytes,
                TrackStatistics = true,
                Clock = new TimeProviderClock(time),
            });
        }
    }

    public CacheTier Tier => CacheTier.Memory;

    public bool Enabled => _cache is not null;

    public long Count => _cache?.Count ?? 0;

    public long Bytes => _cache?.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Keyed by the <see cref="DerivativeKey"/> itself, not its hashed id: a hot hit costs string comparisons,
    /// no hashing.</summary>
    public bool TryGet(DerivativeKey key, out DerivativeEntry entry)
    {
        entry = null!;
        return _cache is not null && _cache.TryGetValue(key, out entry!) && entry is not null;
    }

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
            if (reason != EvictionReason.Replaced && value is not null)
            {
                var (index, group) = ((KeyIndex, string))state!;
                index.Remove(group, key, value);
            }
        }, (_index, key.Identifier));
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

    public ValueTask StoreAsync(DerivativeAddress address, DerivativeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(address);
        Set(address.Key, entry);
        return ValueTask.CompletedTask;
    }

    public CacheStatistics GetStatistics() => new(TieredDerivativeCache.CacheName, Tier.Name, Count, Bytes, _counter.Hits, _counter.Misses);

    public void Dispose() => _cache?.Dispose();
}

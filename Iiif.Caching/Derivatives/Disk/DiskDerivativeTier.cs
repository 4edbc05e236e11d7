using Iiif.Core.Diagnostics;

namespace Iiif.Caching.Derivatives.Disk;

/// <summary>The disk tier as the composite sees it, over the <see cref="DiskDerivativeStore"/> it shares with the cleaner:
/// entries up to <see cref="DiskDerivativeStore.FullReadMaxBytes"/> come back as bytes (and are copied into faster
/// tiers), larger ones as an open file.</summary>
internal sealed class DiskDerivativeTier(DiskDerivativeStore store) : IDerivativeTier
{
    private readonly TierCounter _counter = new();

    public CacheTier Tier => CacheTier.Disk;

    public bool Enabled => store.Enabled;

    public async ValueTask<CachedDerivative?> TryGetAsync(DerivativeAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var read = await store.TryReadAsync(address.Key, address.Id, cancellationToken).ConfigureAwait(false);
        _counter.Count(read is not null);
        if (read is null)
        {
            return null;
        }

        var metadata = read.Sidecar.Metadata;
        return read.Bytes is null
            ? CachedDerivative.FromFile(metadata, Tier, read.File!, read.Sidecar.Length)
            : CachedDerivative.FromEntry(new DerivativeEntry(metadata, read.Bytes), Tier);
    }

    public async ValueTask<bool> StoreAsync(DerivativeAddress address, DerivativeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(address);
        return await store.WriteAsync(address.Key, address.Id, entry).ConfigureAwait(false);
    }

    public IReadOnlyCollection<string> Purge(string identifier, bool profilesOnly) => DiskPurge.Purge(store, identifier, profilesOnly);

    public IReadOnlyCollection<string> PurgeAll() => DiskPurge.PurgeAll(store);

    public CacheStatistics GetStatistics() =>
        new(TieredDerivativeCache.CacheName, Tier.Name, store.Index.Count, store.Index.TotalBytes, _counter.Hits, _counter.Misses, store.Evictions);
}

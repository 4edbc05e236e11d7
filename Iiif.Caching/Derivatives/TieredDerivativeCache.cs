using Iiif.Caching.Derivatives.Disk;
using Iiif.Caching.Internal;
using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Caching.Derivatives;

/// <summary>Rendered derivatives in up to three tiers, looked up memory -> disk -> shared, a hit in a slower tier being
/// copied into the faster ones. Misses render once per key (<see cref="SingleFlight{T}"/>), and the render is stored in
/// every enabled tier (the shared one in the background).</summary>
/// <remarks>HybridCache is not used here: derivatives are byte payloads up to many megabytes that must also live on disk
/// with sidecars, be verified by hash, stream from an open file when large, be sized in bytes in memory and be purged per
/// identifier from local tiers; HybridCache has no disk tier, buffers whole payloads and has no per-tier counters. Its
/// stampede protection is replaced by <see cref="SingleFlight{T}"/>, with the same cancel-when-all-cancelled rule.</remarks>
internal sealed class TieredDerivativeCache : IDerivativeCache, IDisposable
{
    private const string Cache = "derivatives";

    private readonly MemoryDerivativeTier _memory;
    private readonly DiskDerivativeStore _disk;
    private readonly SharedDerivativeTier? _shared;
    private readonly SingleFlight<(DerivativeEntry Entry, bool Stored)> _flights = new();
    private readonly ILogger _logger;
    private readonly TierCounter _memoryCounter = new();
    private readonly TierCounter _diskCounter = new();
    private readonly TierCounter _sharedCounter = new();

    public TieredDerivativeCache(
        IOptions<CachingOptions> options, TimeProvider time, ILogger<TieredDerivativeCache> logger, DiskDerivativeStore disk,
        IDistributedCache? sharedCache = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _memory = new MemoryDerivativeTier(options.Value, time);
        _disk = disk;
        _logger = logger;
        _shared = sharedCache is null ? null : new SharedDerivativeTier(sharedCache, options.Value, logger);
    }

    /// <summary>Renders in progress (for tests and diagnostics).</summary>
    internal int RendersInFlight => _flights.InFlight;

    public async Task<CachedDerivative> GetOrRenderAsync(
        DerivativeKey key, DerivativeMetadata metadata, Func<Stream, CancellationToken, Task> render, DerivativeCacheMode mode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(render);
        if (mode == DerivativeCacheMode.Normal && TryMemory(key) is { } hot)
        {
            return hot;
        }

        // Only slower tiers and renders need the hashed names; a memory hit above computes none.
        var id = DerivativeId.For(key);
        if (mode == DerivativeCacheMode.Normal)
        {
            var hit = await LookupBelowMemoryAsync(key, id, cancellationToken).ConfigureAwait(false);
            if (hit is not null)
            {
                Log.DerivativeHit(_logger, id.Id, hit.Tier);
                return hit;
            }
        }

        // A refresh never joins a normal render: it must produce new bytes even while an ordinary miss renders.
        var flightKey = (mode == DerivativeCacheMode.Refresh ? "refresh:" : "render:") + id.Id;
        var (entry, stored) = await _flights.RunAsync(flightKey, token => RenderAndStoreAsync(key, id, metadata, render, token), cancellationToken)
            .ConfigureAwait(false);
        return CachedDerivative.FromRender(entry.Metadata, entry.Bytes, stored);
    }

    public CachedDerivative? TryGetFromMemory(DerivativeKey key) => TryMemory(key);

    public Task<int> PurgeAsync(string identifier, bool profilesOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var removed = new HashSet<string>(_memory.Purge(identifier, profilesOnly), StringComparer.Ordinal);
        if (_disk.Enabled)
        {
            removed.UnionWith(DiskPurge.Purge(_disk, identifier, profilesOnly));
        }

        return Task.FromResult(removed.Count);
    }

    public Task<int> PurgeAllAsync(CancellationToken cancellationToken)
    {
        var removed = new HashSet<string>(_memory.PurgeAll(), StringComparer.Ordinal);
        if (_disk.Enabled)
        {
            removed.UnionWith(DiskPurge.PurgeAll(_disk));
        }

        return Task.FromResult(removed.Count);
    }

    public IReadOnlyList<CacheStatistics> GetStatistics()
    {
        var tiers = new List<CacheStatistics>(3);
        if (_memory.Enabled)
        {
            tiers.Add(new(Cache, CacheTierNames.Memory, _memory.Count, _memory.Bytes, _memoryCounter.Hits, _memoryCounter.Misses, _memory.Evictions));
        }

        if (_disk.Enabled)
        {
            tiers.Add(new(Cache, CacheTierNames.Disk, _disk.Index.Count, _disk.Index.TotalBytes, _diskCounter.Hits, _diskCounter.Misses, _disk.Evictions));
        }

        if (_shared is not null)
        {
            tiers.Add(new(Cache, CacheTierNames.Shared, null, null, _sharedCounter.Hits, _sharedCounter.Misses));
        }

        return tiers;
    }

    public void Dispose() => _memory.Dispose();

    private CachedDerivative? TryMemory(DerivativeKey key)
    {
        if (!_memory.Enabled)
        {
            return null;
        }

        var found = _memory.TryGet(key, out var entry);
        _memoryCounter.Count(found);
        return found ? CachedDerivative.FromBytes(entry.Metadata, CacheTier.Memory, entry.Bytes) : null;
    }

    private async Task<CachedDerivative?> LookupBelowMemoryAsync(DerivativeKey key, DerivativeId id, CancellationToken cancellationToken)
    {
        if (_disk.Enabled)
        {
            var read = await _disk.TryReadAsync(key, id, cancellationToken).ConfigureAwait(false);
            _diskCounter.Count(read is not null);
            if (read is not null)
            {
                return FromDisk(key, read);
            }
        }

        if (_shared is not null)
        {
            var entry = await _shared.TryGetAsync(key, id, cancellationToken).ConfigureAwait(false);
            _sharedCounter.Count(entry is not null);
            if (entry is not null)
            {
                _memory.Set(key, entry);
                if (_disk.Enabled)
                {
                    await _disk.WriteAsync(key, id, entry).ConfigureAwait(false);
                }

                return CachedDerivative.FromBytes(entry.Metadata, CacheTier.Shared, entry.Bytes);
            }
        }

        return null;
    }

    private CachedDerivative FromDisk(DerivativeKey key, DiskRead read)
    {
        var metadata = read.Sidecar.Metadata;
        if (read.Bytes is null)
        {
            return CachedDerivative.FromFile(metadata, CacheTier.Disk, read.File!, read.Sidecar.Length);
        }

        _memory.Set(key, new DerivativeEntry(metadata, read.Bytes));
        return CachedDerivative.FromBytes(metadata, CacheTier.Disk, read.Bytes);
    }

    private async Task<(DerivativeEntry Entry, bool Stored)> RenderAndStoreAsync(
        DerivativeKey key, DerivativeId id, DerivativeMetadata metadata, Func<Stream, CancellationToken, Task> render,
        CancellationToken cancellationToken)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await render(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        var entry = new DerivativeEntry(metadata, bytes);
        _memory.Set(key, entry);
        var stored = !_disk.Enabled || await _disk.WriteAsync(key, id, entry).ConfigureAwait(false);
        _shared?.SetInBackground(key, id, entry);
        return (entry, stored);
    }
}

using Iiif.Caching.Internal;
using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Derivatives;

/// <summary>Rendered derivatives in the registered <see cref="IDerivativeTier"/>s, asked in order (fastest first: memory,
/// disk, shared), a hit in a slower tier being copied into the faster ones. Misses render once per key
/// (<see cref="SingleFlight{T}"/>), and the render is stored in every enabled tier (each tier decides whether it writes
/// in the background, as the shared one does); <see cref="DerivativeCacheMode.MemoryOnly"/> uses the memory tier alone. The composite knows no tier by name: a new tier is registered, not coded here.</summary>
/// <remarks>HybridCache is not used here: derivatives are byte payloads up to many megabytes that must also live on disk
/// with sidecars, be verified by hash, stream from an open file when large, be sized in bytes in memory and be purged per
/// identifier from local tiers; HybridCache has no disk tier, buffers whole payloads and has no per-tier counters. Its
/// stampede protection is replaced by <see cref="SingleFlight{T}"/>, with the same cancel-when-all-cancelled rule.</remarks>
internal sealed class TieredDerivativeCache : IDerivativeCache, IDisposable
{
    /// <summary>The <see cref="CacheStatistics.Cache"/> name of every tier.</summary>
    public const string CacheName = "derivatives";

    private readonly IDerivativeTier[] _tiers;
    private readonly IDerivativeTier[] _memoryTiers;
    private readonly SingleFlight<(DerivativeEntry Entry, bool Stored)?> _flights = new();
    private readonly ILogger _logger;

    public TieredDerivativeCache(IEnumerable<IDerivativeTier> tiers, ILogger<TieredDerivativeCache> logger)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        _tiers = [.. tiers.Where(tier => tier.Enabled)];
        _memoryTiers = [.. _tiers.Where(tier => tier.Tier == CacheTier.Memory)];
        _logger = logger;
    }

    /// <summary>Renders in progress (for tests and diagnostics).</summary>
    internal int RendersInFlight => _flights.InFlight;

    public async ValueTask<CachedDerivative?> GetOrRenderAsync(
        DerivativeKey key, DerivativeMetadata metadata, Func<Stream, CancellationToken, Task<RenderOutcome>> render,
        DerivativeCacheMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(render);
        var address = new DerivativeAddress(key);
        var tiers = mode == DerivativeCacheMode.MemoryOnly ? _memoryTiers : _tiers;
        if (mode != DerivativeCacheMode.Refresh && await LookupAsync(tiers, address, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return hit;
        }

        // A refresh never joins a normal render: it must produce new bytes even while an ordinary miss renders.
        var flightKey = (mode == DerivativeCacheMode.Refresh ? "refresh:" : "render:") + address.Id.Id;
        var rendered = await _flights.RunAsync(flightKey, token => RenderAndStoreAsync(tiers, address, metadata, render, token), cancellationToken)
            .ConfigureAwait(false);
        return rendered is { } done ? CachedDerivative.FromRender(done.Entry, done.Stored) : null;
    }

    public Task<int> PurgeAsync(string identifier, bool profilesOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return Task.FromResult(Removed(tier => tier.Purge(identifier, profilesOnly)));
    }

    public Task<int> PurgeAllAsync(CancellationToken cancellationToken) => Task.FromResult(Removed(tier => tier.PurgeAll()));

    public IReadOnlyList<CacheStatistics> GetStatistics() => [.. _tiers.Select(tier => tier.GetStatistics())];

    public void Dispose()
    {
        foreach (var tier in _tiers.OfType<IDisposable>())
        {
            tier.Dispose();
        }
    }

    private async ValueTask<CachedDerivative?> LookupAsync(IDerivativeTier[] tiers, DerivativeAddress address, CancellationToken cancellationToken)
    {
        for (var i = 0; i < tiers.Length; i++)
        {
            var hit = await tiers[i].TryGetAsync(address, cancellationToken).ConfigureAwait(false);
            if (hit is null)
            {
                continue;
            }

            if (i > 0)
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    Log.DerivativeHit(_logger, address.Id.Id, hit.Tier.Name);
                }

                // A copy streamed from an open file (too large to hold) stays where it is.
                if (hit.Entry is { } entry)
                {
                    await StoreAsync(tiers, address, entry, i).ConfigureAwait(false);
                }
            }

            return hit;
        }

        return null;
    }

    private static async Task<(DerivativeEntry Entry, bool Stored)?> RenderAndStoreAsync(
        IDerivativeTier[] tiers, DerivativeAddress address, DerivativeMetadata metadata, Func<Stream, CancellationToken, Task<RenderOutcome>> render,
        CancellationToken cancellationToken)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            if (await render(buffer, cancellationToken).ConfigureAwait(false) == RenderOutcome.Declined)
            {
                return null;
            }

            bytes = buffer.ToArray();
        }

        var entry = new DerivativeEntry(metadata, bytes);
        var stored = await StoreAsync(tiers, address, entry, tiers.Length).ConfigureAwait(false);
        return (entry, stored);
    }

    // Stores in the tiers before index `upTo`, fastest first; false when a tier that should have kept it could not.
    private static async Task<bool> StoreAsync(IDerivativeTier[] tiers, DerivativeAddress address, DerivativeEntry entry, int upTo)
    {
        var stored = true;
        for (var i = 0; i < upTo; i++)
        {
            stored &= await tiers[i].StoreAsync(address, entry).ConfigureAwait(false);
        }

        return stored;
    }

    private int Removed(Func<IDerivativeTier, IReadOnlyCollection<string>> purge)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tier in _tiers)
        {
            removed.UnionWith(purge(tier));
        }

        return removed.Count;
    }
}

using Iiif.Core.Diagnostics;

namespace Iiif.Caching.Derivatives;

/// <summary>One tier of the derivative cache. <see cref="TieredDerivativeCache"/> asks every registered, enabled tier in
/// registration order (fastest first), copies a hit into the tiers before it and stores a fresh render in all of them;
/// adding a tier means implementing this and registering it as <c>IDerivativeTier</c> after <c>AddIiifCaching()</c>.</summary>
internal interface IDerivativeTier
{
    /// <summary>The tier's name in statistics, logs and the served derivative's <see cref="CachedDerivative.Tier"/>.</summary>
    CacheTier Tier { get; }

    /// <summary>False when configured off: the composite then never calls it.</summary>
    bool Enabled { get; }

    /// <summary>The derivative when this tier holds an intact copy (verified as the tier must), else null. Counts the
    /// lookup as a hit or miss.</summary>
    ValueTask<CachedDerivative?> TryGetAsync(DerivativeAddress address, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="entry"/>, a fresh render or a copy a slower tier served. Failures are the tier's to
    /// log: storing must never fail the request that rendered. A tier may refuse entries it is not meant to hold (too large)
    /// and still return true; false means it should have kept the entry and could not (a full or read-only disk).</summary>
    ValueTask<bool> StoreAsync(DerivativeAddress address, DerivativeEntry entry);

    /// <summary>Removes the identifier's entries (or only its profile entries); returns the ids (<see cref="DerivativeId.Id"/>)
    /// removed. A tier that cannot enumerate (a shared store whose entries stop matching once the source changes) removes nothing.</summary>
    IReadOnlyCollection<string> Purge(string identifier, bool profilesOnly);

    /// <summary>Removes every entry this instance can; returns the ids removed.</summary>
    IReadOnlyCollection<string> PurgeAll();

    /// <summary>Entries, bytes, hits, misses and evictions of this tier now.</summary>
    CacheStatistics GetStatistics();
}

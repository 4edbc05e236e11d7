namespace Iiif.Core.Diagnostics;

/// <summary>Counters of one cache (or one tier of a tiered cache) since start-up, as <c>/metrics</c> and
/// <c>/admin/cache/stats</c> report them.</summary>
/// <param name="Cache">Which cache, e.g. <c>info</c>, <c>derivatives</c>, <c>decoded-blocks</c>.</param>
/// <param name="Tier">Which tier of it, e.g. <c>memory</c>, <c>disk</c>, <c>shared</c>; a single-tier cache says <c>memory</c>.</param>
/// <param name="Entries">Entries held now; null when the cache cannot tell (a shared Redis).</param>
/// <param name="Bytes">Bytes held now; null when the cache cannot tell.</param>
/// <param name="Hits">Lookups answered by this cache.</param>
/// <param name="Misses">Lookups it could not answer.</param>
/// <param name="Evictions">Entries it removed to stay within its budget (not those removed on request or because they
/// went stale).</param>
public sealed record CacheStatistics(string Cache, string Tier, long? Entries, long? Bytes, long Hits, long Misses, long Evictions = 0)
{
    /// <summary>Hits over lookups; 0 before the first lookup.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}

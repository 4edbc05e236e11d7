namespace Iiif.Caching.Statistics;

/// <summary>Counters of one cache tier since start-up.</summary>
/// <param name="Cache">Which cache: <c>info</c> or <c>derivatives</c>.</param>
/// <param name="Tier">Which tier: <c>memory</c>, <c>disk</c> or <c>shared</c>.</param>
/// <param name="Entries">Entries held now; null when the tier cannot tell (a shared Redis).</param>
/// <param name="Bytes">Bytes held now; null when the tier cannot tell.</param>
/// <param name="Hits">Lookups answered by this tier.</param>
/// <param name="Misses">Lookups this tier could not answer.</param>
public sealed record CacheTierStatistics(string Cache, string Tier, long? Entries, long? Bytes, long Hits, long Misses)
{
    /// <summary>Hits over lookups; 0 before the first lookup.</summary>
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}

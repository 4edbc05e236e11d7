namespace Iiif.Core.Diagnostics;

/// <summary>A cache that reports its counters. The host finds every registered source and publishes them in
/// <c>/metrics</c> and <c>/admin/cache/stats</c>, so a new cache only implements this and registers itself.</summary>
public interface ICacheStatisticsSource
{
    /// <summary>One entry per cache tier this source holds, read now.</summary>
    IReadOnlyList<CacheStatistics> GetStatistics();
}

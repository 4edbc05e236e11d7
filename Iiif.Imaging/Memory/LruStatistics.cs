using BitFaster.Caching;
using Iiif.Core.Diagnostics;

namespace Iiif.Imaging.Memory;

/// <summary>One reading of a BitFaster cache's counters as the <see cref="CacheStatistics"/> /metrics and
/// /admin/cache/stats publish, for every bounded LRU of the server.</summary>
public static class LruStatistics
{
    /// <summary>The memory-tier statistics of <paramref name="cache"/> (built with metrics) under <paramref name="name"/>;
    /// <paramref name="bytes"/> is null when the cache does not know its size.</summary>
    public static CacheStatistics Read<TKey, TValue>(ICache<TKey, TValue> cache, string name, long? bytes = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(cache);
        var metrics = cache.Metrics.Value;
        return new CacheStatistics(name, "memory", cache.Count, bytes, metrics?.Hits ?? 0, metrics?.Misses ?? 0, metrics?.Evicted ?? 0);
    }
}

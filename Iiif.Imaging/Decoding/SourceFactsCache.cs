using BitFaster.Caching;
using BitFaster.Caching.Lru;
using Iiif.Core.Diagnostics;
using Iiif.Core.Info;
using Iiif.Imaging.Memory;

namespace Iiif.Imaging.Decoding;

/// <summary>Header facts of recently used sources (JPEG 2000 and TIFF structure), read once per (location, version), so
/// the tile requests that follow an info.json do not parse headers again. A bounded least-recently-used map: replaced
/// files leave their old versions behind, which simply age out. Reported as <c>source-facts</c>.</summary>
internal sealed class SourceFactsCache : ICacheStatisticsSource
{
    /// <summary>The cache name in statistics.</summary>
    public const string Name = "source-facts";

    /// <summary>Sources whose facts are kept (a few kilobytes each at most).</summary>
    public const int Capacity = 4096;

    private readonly ICache<DecodedImageKey, object> _facts;

    /// <summary>A cache of <see cref="Capacity"/> sources.</summary>
    public SourceFactsCache()
        : this(Capacity)
    {
    }

    /// <summary>A cache of <paramref name="capacity"/> sources (for tests).</summary>
    internal SourceFactsCache(int capacity) =>
        _facts = new ConcurrentLruBuilder<DecodedImageKey, object>().WithCapacity(capacity).WithMetrics().Build();

    /// <summary>The facts of <paramref name="location"/> at <paramref name="version"/>, read with <paramref name="read"/>
    /// when absent. Concurrent first requests may both read; the facts are equal anyway.</summary>
    public T GetOrAdd<T>(string location, SourceVersion version, Func<T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        var key = new DecodedImageKey(location, version);
        if (_facts.TryGet(key, out var cached) && cached is T facts)
        {
            return facts;
        }

        facts = read();
        _facts.AddOrUpdate(key, facts);
        return facts;
    }

    /// <inheritdoc/>
    public IReadOnlyList<CacheStatistics> GetStatistics()
    {
        return [LruStatistics.Read(_facts, Name)];
    }
}

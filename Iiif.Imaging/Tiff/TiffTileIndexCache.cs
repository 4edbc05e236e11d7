using BitFaster.Caching;
using BitFaster.Caching.Lru;
using Iiif.Core.Diagnostics;
using Iiif.Core.Info;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Memory;

namespace Iiif.Imaging.Tiff;

/// <summary>The stored-tile indexes (<see cref="TiffTileIndex"/>) of recently served TIFF sources, one per (location,
/// version): a replaced file has a new version and gets a new index, the old one ages out. A bounded least-recently-used
/// map reported as <c>tiff-tile-index</c>.</summary>
internal sealed class TiffTileIndexCache : ICacheStatisticsSource
{
    /// <summary>The cache name in statistics.</summary>
    public const string Name = "tiff-tile-index";

    /// <summary>Sources whose indexes are kept: 12 bytes a tile, about 20 KB for a 10000x7500 pyramid of 256 px tiles.</summary>
    public const int Capacity = 256;

    private readonly ICache<DecodedImageKey, TiffTileIndex> _indexes;

    /// <summary>A cache of <see cref="Capacity"/> sources.</summary>
    public TiffTileIndexCache()
        : this(Capacity)
    {
    }

    /// <summary>A cache of <paramref name="capacity"/> sources (for tests).</summary>
    internal TiffTileIndexCache(int capacity) =>
        _indexes = new ConcurrentLruBuilder<DecodedImageKey, TiffTileIndex>().WithCapacity(capacity).WithMetrics().Build();

    /// <summary>The index of the source at <paramref name="location"/> at <paramref name="version"/>.</summary>
    public TiffTileIndex For(string location, SourceVersion version) =>
        _indexes.GetOrAdd(new DecodedImageKey(location, version), _ => new TiffTileIndex());

    /// <inheritdoc/>
    public IReadOnlyList<CacheStatistics> GetStatistics()
    {
        return [LruStatistics.Read(_indexes, Name)];
    }
}

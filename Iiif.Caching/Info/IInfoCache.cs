using Iiif.Core.Diagnostics;
using Iiif.Core.Info;

namespace Iiif.Caching.Info;

/// <summary>Image facts (what info.json and the planner are built from) keyed by identifier and source version, so a
/// changed source is never described by stale facts. Concurrent misses for one key identify once.</summary>
public interface IInfoCache : ICacheStatisticsSource
{
    /// <summary>The cached facts, else the result of <paramref name="identify"/>, stored in every tier.</summary>
    ValueTask<ImageInfo> GetOrAddAsync(
        string identifier, SourceVersion version, Func<CancellationToken, ValueTask<ImageInfo>> identify, CancellationToken cancellationToken);

    /// <summary>Forgets every version of <paramref name="identifier"/> (memory and shared tiers).</summary>
    Task RemoveAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>Forgets everything.</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}

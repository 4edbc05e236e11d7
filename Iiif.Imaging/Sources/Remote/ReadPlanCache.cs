using BitFaster.Caching;
using BitFaster.Caching.Lru;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>Read plans of remote source versions (a JPEG 2000 codestream's tile-part index), so each is worked out once
/// per version rather than once per tile. An LRU of a few thousand entries: a plan is small.</summary>
internal sealed class ReadPlanCache
{
    private const int Capacity = 4096;

    private readonly ICache<string, IReadPlan> _plans = new ConcurrentLruBuilder<string, IReadPlan>()
        .WithCapacity(Capacity)
        .WithKeyComparer(StringComparer.Ordinal)
        .Build();

    public IReadPlan? Find(string key) => _plans.TryGet(key, out var plan) ? plan : null;

    public void Remember(string key, IReadPlan plan) => _plans.AddOrUpdate(key, plan);
}

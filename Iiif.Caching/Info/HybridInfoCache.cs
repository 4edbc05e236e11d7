using Iiif.Caching.Derivatives;
using Iiif.Caching.Internal;
using Iiif.Caching.Shared;
using Iiif.Core.Diagnostics;
using Iiif.Core.Info;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Caching.Info;

/// <summary>Image facts in two tiers: a private size-limited <see cref="MemoryCache"/> (every entry counts 1 against
/// <see cref="CacheInfoOptions.MaxEntries"/>, expiring after <see cref="CacheInfoOptions.TimeToLive"/>, swept every
/// <see cref="CacheInfoOptions.SweepPeriod"/>) in front of a <see cref="HybridCache"/> over the shared tier.</summary>
/// <remarks>
/// HybridCache does what it is good at here: stampede protection (concurrent misses of one key identify once, and the
/// identify is cancelled only when every caller has cancelled), the shared (L2) tier with its payload format, and
/// tag-based removal (<see cref="HybridCache.RemoveByTagAsync(string, CancellationToken)"/>; tag invalidations are
/// recorded in the shared tier, so other instances stop trusting the removed entries too).
/// HybridCache's own L1 is switched off (<see cref="HybridCacheEntryFlags.DisableLocalCache"/>) because it does not fit
/// the entry-count limit: given a MemoryCache with a SizeLimit it sizes each L1 entry by its serialized payload length
/// (checked: an ImageInfo entry counts 23), so the limit could not mean "at most N entries"; and it cannot tell hits of
/// its L1 from hits of its L2. The L1 here is this class's own MemoryCache, which also makes the per-tier counters exact.
/// HybridCache is built in a private container so its L1 and L2 are exactly the instances given here and never the
/// host's own IMemoryCache or IDistributedCache.
/// </remarks>
internal sealed class HybridInfoCache : IInfoCache, IDisposable
{
    private const string KeyPrefix = "info:";

    private readonly MemoryCache _memory;
    private readonly ServiceProvider _hybridServices;
    private readonly HybridCache _hybrid;
    private readonly CountingDistributedCache? _shared;
    private readonly KeyIndex _index = new();
    private readonly HybridCacheEntryOptions _entryOptions;
    private readonly TimeSpan _timeToLive;
    private long _memoryHits;
    private long _memoryMisses;
    private long _memoryEvictions;
    private long _memoryBytes;

    public HybridInfoCache(
        IOptions<CachingOptions> options, TimeProvider time, ILogger<HybridInfoCache> logger, IDistributedCache? sharedCache = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value.Info;
        _timeToLive = settings.TimeToLive;
        _memory = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = settings.MaxEntries,
            ExpirationScanFrequency = settings.SweepPeriod,
            Clock = new TimeProviderClock(time),
        });
        _shared = sharedCache is null ? null : new CountingDistributedCache(sharedCache, KeyPrefix);
        _hybridServices = BuildHybridServices(time, _shared);
        _hybrid = _hybridServices.GetRequiredService<HybridCache>();
        _entryOptions = new HybridCacheEntryOptions { Expiration = settings.TimeToLive, Flags = HybridCacheEntryFlags.DisableLocalCache };
    }

    public async ValueTask<ImageInfo> GetOrAddAsync(
        string identifier, SourceVersion version, Func<CancellationToken, ValueTask<ImageInfo>> identify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(identify);
        // The memory tier is keyed by (identifier, version) itself: a hit hashes nothing.
        var memoryKey = (identifier, version);
        if (_memory.TryGetValue(memoryKey, out ImageInfo? cached) && cached is not null)
        {
            Interlocked.Increment(ref _memoryHits);
            return cached;
        }

        Interlocked.Increment(ref _memoryMisses);
        var group = Hashing.Sha256Hex(identifier);
        var info = await _hybrid.GetOrCreateAsync(
            KeyOf(group, version), identify, static (factory, token) => factory(token), _entryOptions, [TagOf(group)], cancellationToken)
            .ConfigureAwait(false);
        Remember(identifier, memoryKey, info);
        return info;
    }

    public async Task RemoveAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        foreach (var (key, _) in _index.Get(identifier))
        {
            _memory.Remove(key);
        }

        await _hybrid.RemoveByTagAsync(TagOf(Hashing.Sha256Hex(identifier)), cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        _memory.Clear();
        _index.Clear();
        await _hybrid.RemoveByTagAsync("*", cancellationToken).ConfigureAwait(false);
    }

    public IReadOnlyList<CacheStatistics> GetStatistics()
    {
        var memory = new CacheStatistics("info", CacheTierNames.Memory, _memory.Count, Interlocked.Read(ref _memoryBytes),
            Interlocked.Read(ref _memoryHits), Interlocked.Read(ref _memoryMisses), Interlocked.Read(ref _memoryEvictions));
        return _shared is null ? [memory] : [memory, new CacheStatistics("info", CacheTierNames.Shared, null, null, _shared.Hits, _shared.Misses)];
    }

    public void Dispose()
    {
        _memory.Dispose();
        _hybridServices.Dispose();
    }

    /// <summary>The shared tier's key of an identifier's facts for one source version. HybridCache writes it in the
    /// background after the caller has its answer, so another instance may not find it at once.</summary>
    internal static string SharedKey(string identifier, SourceVersion version) => KeyOf(Hashing.Sha256Hex(identifier), version);

    private static string KeyOf(string group, SourceVersion version) => $"{KeyPrefix}{group}:{version.Token}";

    private static string TagOf(string group) => KeyPrefix + group;

    private static ServiceProvider BuildHybridServices(TimeProvider time, IDistributedCache? shared)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        if (shared is not null)
        {
            services.AddSingleton(shared);
        }

        services.AddHybridCache().AddSerializer<ImageInfo, ImageInfoSerializer>();
        return services.BuildServiceProvider();
    }

    private void Remember(string identifier, (string, SourceVersion) key, ImageInfo info)
    {
        var bytes = EstimatedBytes(identifier);
        var options = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _timeToLive };
        options.RegisterPostEvictionCallback(static (key, value, reason, state) =>
        {
            var (cache, group, bytes) = ((HybridInfoCache, string, long))state!;
            Interlocked.Add(ref cache._memoryBytes, -bytes);
            if (reason == EvictionReason.Capacity)
            {
                Interlocked.Increment(ref cache._memoryEvictions);
            }

            if (reason != EvictionReason.Replaced && value is not null)
            {
                cache._index.Remove(group, key, value);
            }
        }, (this, identifier, bytes));
        _index.Add(identifier, key, info);
        Interlocked.Add(ref _memoryBytes, bytes);
        _memory.Set(key, info, options);
    }

    /// <summary>What one entry holds: the identifier (UTF-16, in the key and the index) and a fixed part for the
    /// <see cref="ImageInfo"/>, the key tuple and the cache's own entry, estimated at 300 bytes.</summary>
    private static long EstimatedBytes(string identifier) => 300 + (2L * 2 * identifier.Length);
}

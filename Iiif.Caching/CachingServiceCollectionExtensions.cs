using Iiif.Caching.Derivatives.Disk;
using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Caching.Shared;
using Iiif.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Caching;

/// <summary>Registers the caches: <see cref="IInfoCache"/>, <see cref="IDerivativeCache"/>, <see cref="IDerivativeCleaner"/>,
/// and, when <see cref="CacheRedisOptions.Configuration"/> is set, the shared Redis tier behind both; their statistics
/// (<see cref="ICacheStatisticsSource"/>) and tier health (<see cref="ICacheHealthSource"/>).</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>Adds the caching services as singletons; the host configures <see cref="CachingOptions"/>.</summary>
    /// <remarks>The shared tier is built from the bound options when first resolved (whether Redis is configured is not
    /// known while services are registered) and is this library's own: it is not registered as the host's
    /// <c>IDistributedCache</c>. <see cref="TimeProvider"/> is added with TryAdd, so a host or test may supply its own.</remarks>
    public static IServiceCollection AddIiifCaching(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CachingOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SharedCacheTier>();
        services.TryAddSingleton<DiskDerivativeStore>();
        services.TryAddSingleton<IInfoCache>(sp => new HybridInfoCache(
            sp.GetRequiredService<IOptions<CachingOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HybridInfoCache>>(),
            sp.GetRequiredService<SharedCacheTier>().Cache));
        // The derivative tiers, fastest first; a tier registered later (IDerivativeTier) is asked after these.
        services.AddSingleton<IDerivativeTier>(sp => new MemoryDerivativeTier(
            sp.GetRequiredService<IOptions<CachingOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(DiskTierKey, (sp, _) => DiskTier(sp));
        services.AddSingleton(sp => sp.GetRequiredKeyedService<IDerivativeTier>(DiskTierKey));
        services.AddSingleton<IDerivativeTier>(sp => new SharedDerivativeTier(
            sp.GetRequiredService<SharedCacheTier>().Cache,
            sp.GetRequiredService<IOptions<CachingOptions>>().Value,
            sp.GetRequiredService<ILogger<SharedDerivativeTier>>()));
        services.TryAddSingleton<IDerivativeCache, TieredDerivativeCache>();
        services.TryAddSingleton<IDerivativeCleaner, DiskDerivativeCleaner>();
        services.TryAddSingleton<CachingHealth>();
        services.AddSingleton<ICacheHealthSource>(sp => sp.GetRequiredService<CachingHealth>());
        services.TryAddSingleton<ICachingStartup>(sp => sp.GetRequiredService<CachingHealth>());

        // Both report their tiers wherever the host publishes cache statistics (info first, then derivatives).
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<IInfoCache>());
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<IDerivativeCache>());
        services.AddSingleton(sp => sp.GetRequiredKeyedService<IDerivativeTier>(DiskTierKey) as ICacheStatisticsSource ?? NoStatistics.Instance);
        return services;
    }

    private const string DiskTierKey = "disk";

    // Disk writes leave the request path through a bounded queue, unless configured off.
    private static IDerivativeTier DiskTier(IServiceProvider sp)
    {
        var store = sp.GetRequiredService<DiskDerivativeStore>();
        var disk = new DiskDerivativeTier(store);
        var queueBytes = sp.GetRequiredService<IOptions<CachingOptions>>().Value.Derivatives.WriteBehindMegabytes * CacheMemoryOptions.Megabyte;
        if (!disk.Enabled || queueBytes == 0)
        {
            return disk;
        }

        return new WriteBehindTier(disk, queueBytes, () => store.Health.Snapshot().State != CacheTierStates.Ok,
            WriteBehindDrainTimeout, sp.GetRequiredService<ILogger<WriteBehindTier>>());
    }

    private static readonly TimeSpan WriteBehindDrainTimeout = TimeSpan.FromSeconds(10);

    private sealed class NoStatistics : ICacheStatisticsSource
    {
        public static readonly NoStatistics Instance = new();

        public IReadOnlyList<CacheStatistics> GetStatistics() => [];
    }
}

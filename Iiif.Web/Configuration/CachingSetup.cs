using Iiif.Caching;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Registers the caches and feeds them from the <c>cache</c> section (seconds become <see cref="TimeSpan"/>s,
/// megabytes and kilobytes become bytes).</summary>
internal static class CachingSetup
{
    private const long Megabyte = 1024L * 1024;

    public static IServiceCollection AddIiifCachingFromConfiguration(this IServiceCollection services)
    {
        services.AddIiifCaching();
        services.AddOptions<CachingOptions>().Configure<IOptions<CacheOptions>>((target, cache) => Map(target, cache.Value));
        return services;
    }

    internal static void Map(CachingOptions target, CacheOptions cache)
    {
        target.Root = cache.Root;
        target.InfoTimeToLive = TimeSpan.FromSeconds(cache.Info.Ttl);
        target.InfoCheckPeriod = TimeSpan.FromSeconds(cache.Info.CheckPeriod);
        target.DiskEnabled = cache.Derivatives.Enabled;
        target.DiskMaxBytes = cache.Derivatives.MaxSizeMegabytes * Megabyte;
        target.DiskMinFreeBytes = cache.Derivatives.MinFreeMegabytes * Megabyte;
        target.MemoryMaxBytes = cache.Memory.MaxSizeMegabytes * Megabyte;
        target.MemoryMaxItemBytes = Math.Min(target.MemoryMaxBytes, 4 * Megabyte);
        target.RedisConfiguration = cache.Redis.Configuration;
        target.SharedMaxItemBytes = cache.Redis.MaxItemKilobytes * 1024L;
        target.CleanProfileAfter = TimeSpan.FromSeconds(cache.Clean.ProfileImage);
        target.CleanOtherAfter = TimeSpan.FromSeconds(cache.Clean.RandomImage);
    }
}

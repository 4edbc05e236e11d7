using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Caching.Shared;

/// <summary>The one shared (distributed) tier both caches use: Redis behind <see cref="ResilientDistributedCache"/> when
/// <see cref="CacheRedisOptions.Configuration"/> is set, else none. Built from options when first resolved, because
/// whether Redis is configured is only known once the host's configuration is bound.</summary>
internal sealed class SharedCacheTier : IDisposable
{
    /// <summary>Prefix of every key this server writes to Redis, so it can share a Redis with other applications.</summary>
    public const string InstanceName = "iiif:";

    private readonly RedisCache? _redis;

    public SharedCacheTier(IOptions<CachingOptions> options, TimeProvider time, ILogger<ResilientDistributedCache> logger)
    {
        var settings = options.Value.Redis;
        if (!settings.IsEnabled)
        {
            return;
        }

        _redis = new RedisCache(Options.Create(new RedisCacheOptions
        {
            Configuration = RedisConnectionString.WithDefaults(settings.Configuration),
            InstanceName = InstanceName,
        }));
        Cache = new ResilientDistributedCache(_redis, settings.RetryAfter, time, logger);
    }

    /// <summary>For tests and hosts that bring their own distributed cache: wraps it the same way.</summary>
    public SharedCacheTier(IDistributedCache? inner, TimeSpan retryAfter, TimeProvider time, ILogger logger)
    {
        Cache = inner is null ? null : new ResilientDistributedCache(inner, retryAfter, time, logger);
    }

    /// <summary>The resilient shared cache, or null when there is no shared tier.</summary>
    public IDistributedCache? Cache { get; }

    public void Dispose() => _redis?.Dispose();
}

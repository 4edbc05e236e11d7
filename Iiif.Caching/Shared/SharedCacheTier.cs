using Iiif.Core.Diagnostics;
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

    private readonly SharedRedisConnection? _connection;
    private readonly RedisCache? _redis;
    private readonly ResilientDistributedCache? _resilient;

    public SharedCacheTier(IOptions<CachingOptions> options, TimeProvider time, ILogger<ResilientDistributedCache> logger)
    {
        var settings = options.Value.Redis;
        if (!settings.IsEnabled)
        {
            return;
        }

        _connection = new SharedRedisConnection(settings.Configuration);
        _redis = new RedisCache(Options.Create(new RedisCacheOptions
        {
            ConnectionMultiplexerFactory = _connection.GetAsync,
            InstanceName = InstanceName,
        }));
        _resilient = new ResilientDistributedCache(_redis, settings.RetryAfter, time, logger, () => _connection.IsConnected, _connection.Endpoint);
        Cache = _resilient;
    }

    /// <summary>For tests and hosts that bring their own distributed cache: wraps it the same way.</summary>
    public SharedCacheTier(IDistributedCache? inner, TimeSpan retryAfter, TimeProvider time, ILogger logger)
    {
        _resilient = inner is null ? null : new ResilientDistributedCache(inner, retryAfter, time, logger);
        Cache = _resilient;
    }

    /// <summary>The resilient shared cache, or null when there is no shared tier.</summary>
    public IDistributedCache? Cache { get; }

    /// <summary>Completes when the first attempt to connect to Redis has ended (at once without Redis); never faults.</summary>
    public Task FirstAttempt => _connection?.FirstAttempt.ContinueWith(static _ => { }, CancellationToken.None,
        TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default) ?? Task.CompletedTask;

    /// <summary>The shared tier's state (empty when there is none), without any network call.</summary>
    public IReadOnlyList<CacheTierHealth> Health() => _resilient is null ? [] : [_resilient.Health()];

    public void Dispose()
    {
        _redis?.Dispose();
        _connection?.Dispose();
    }
}

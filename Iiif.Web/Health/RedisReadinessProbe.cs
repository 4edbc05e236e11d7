using Iiif.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Iiif.Web.Health;

/// <summary>Whether the configured shared Redis answers PING. An instance is reported not ready only once Redis has
/// gone unanswered for longer than cache.redis.readinessGraceSeconds (counted from start-up or the last good PING), so
/// a Redis restart does not pull every instance out of the load balancer at the same moment. Its own connection, not
/// the cache's: the probe must tell the truth even when the cache is not wired in or gave up.</summary>
internal sealed class RedisReadinessProbe : IAsyncDisposable
{
    public const string NotConfigured = "none";
    public const string Reachable = "ok";
    public const string Unreachable = "unreachable";

    /// <summary>Longest a probe waits for PONG; a load balancer's own check timeout is usually a few seconds.</summary>
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    private readonly CacheRedisOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private ConnectionMultiplexer? _connection;
    private long _lastReachable;

    public RedisReadinessProbe(IOptionsMonitor<CachingOptions> cache, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(time);
        _options = cache.CurrentValue.Redis;
        _time = time;
        _lastReachable = time.GetTimestamp();
    }

    /// <summary>(state, within grace): state is <see cref="NotConfigured"/>, <see cref="Reachable"/> or
    /// <see cref="Unreachable"/>; an unreachable Redis still within its grace period does not fail readiness.</summary>
    public async Task<(string State, bool Ready)> CheckAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsEnabled)
        {
            return (NotConfigured, true);
        }

        if (await PingAsync(cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Exchange(ref _lastReachable, _time.GetTimestamp());
            return (Reachable, true);
        }

        var down = _time.GetElapsedTime(Interlocked.Read(ref _lastReachable));
        return (Unreachable, down <= TimeSpan.FromSeconds(_options.ReadinessGraceSeconds));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _connectLock.Dispose();
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ConnectAsync().ConfigureAwait(false);
            await connection.GetDatabase().PingAsync().WaitAsync(PingTimeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>One multiplexer for the life of the process; it reconnects by itself after Redis comes back.</summary>
    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(_options.Configuration);
                // Start even when Redis is down now, and keep retrying in the background.
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = (int)PingTimeout.TotalMilliseconds;
                _connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            }

            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }
}

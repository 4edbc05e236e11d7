using StackExchange.Redis;

namespace Iiif.Caching.Shared;

/// <summary>The shared tier's one connection to Redis, made in the background so that no request waits for it, and
/// configured so that no request waits for Redis while it is down: commands issued while disconnected fail at once
/// (<see cref="BacklogPolicy.FailFast"/>; the default policy queues them until the connection is back or they time out,
/// which stalled every request in flight for seconds when an outage began), and <see cref="IsConnected"/> lets the
/// caller skip Redis altogether until the multiplexer has reconnected by itself.</summary>
internal sealed class SharedRedisConnection : IDisposable
{
    private readonly Task<ConnectionMultiplexer> _connecting;

    public SharedRedisConnection(string configuration)
    {
        var options = ConfigurationOptions.Parse(RedisConnectionString.WithDefaults(configuration));
        options.BacklogPolicy = BacklogPolicy.FailFast;
        Endpoint = string.Join(",", options.EndPoints.Select(e => e.ToString()));
        // abortConnect=false (a default): ConnectAsync returns a multiplexer that keeps retrying when Redis is down now.
        _connecting = Task.Run(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    /// <summary>host:port of the Redis endpoints, for log lines.</summary>
    public string Endpoint { get; }

    /// <summary>True when the multiplexer exists and has a live connection; never waits.</summary>
    public bool IsConnected => _connecting.IsCompletedSuccessfully && _connecting.Result.IsConnected;

    /// <summary>Completes when the first connection attempt has ended, connected or not (at most connectTimeout).</summary>
    public Task FirstAttempt => _connecting;

    /// <summary>The multiplexer, for RedisCache's connection factory (only asked once <see cref="IsConnected"/> is true).</summary>
    public async Task<IConnectionMultiplexer> GetAsync() => await _connecting.ConfigureAwait(false);

    public void Dispose()
    {
        if (_connecting.IsCompletedSuccessfully)
        {
            _connecting.Result.Dispose();
        }
        else
        {
            _connecting.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }
}

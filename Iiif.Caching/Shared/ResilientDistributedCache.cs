using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Shared;

/// <summary>Keeps a failing shared tier (Redis) from failing or stalling requests: the first exception is logged once as
/// a warning and the inner cache is then left alone for <see cref="CacheRedisOptions.RetryAfter"/>; during that time
/// reads miss and writes are dropped, so the server serves from its local tiers and the source. After the pause the next
/// call tries again by itself; its success is logged once.</summary>
internal sealed class ResilientDistributedCache : IDistributedCache
{
    private readonly IDistributedCache _inner;
    private readonly TimeSpan _retryAfter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _retryAtTicks;
    private int _down;

    public ResilientDistributedCache(IDistributedCache inner, TimeSpan retryAfter, TimeProvider time, ILogger logger)
    {
        _inner = inner;
        _retryAfter = retryAfter;
        _time = time;
        _logger = logger;
    }

    /// <summary>True while the inner cache is being left alone after a failure.</summary>
    public bool IsPaused => Volatile.Read(ref _down) == 1 && _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _retryAtTicks);

    public byte[]? Get(string key) => Run(() => _inner.Get(key), null);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        RunAsync(t => _inner.GetAsync(key, t), null, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Run(() => { _inner.Set(key, value, options); return true; }, false);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        RunAsync(async t => { await _inner.SetAsync(key, value, options, t).ConfigureAwait(false); return true; }, false, token);

    public void Refresh(string key) => Run(() => { _inner.Refresh(key); return true; }, false);

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        RunAsync(async t => { await _inner.RefreshAsync(key, t).ConfigureAwait(false); return true; }, false, token);

    public void Remove(string key) => Run(() => { _inner.Remove(key); return true; }, false);

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        RunAsync(async t => { await _inner.RemoveAsync(key, t).ConfigureAwait(false); return true; }, false, token);

    private T Run<T>(Func<T> call, T whenPaused)
    {
        if (IsPaused)
        {
            return whenPaused;
        }

        try
        {
            var result = call();
            Succeeded();
            return result;
        }
#pragma warning disable CA1031 // Any failure of the shared tier must degrade to a miss, never fail the request.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failed(exception);
            return whenPaused;
        }
    }

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, T whenPaused, CancellationToken token)
    {
        if (IsPaused)
        {
            return whenPaused;
        }

        try
        {
            var result = await call(token).ConfigureAwait(false);
            Succeeded();
            return result;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of the shared tier must degrade to a miss, never fail the request.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failed(exception);
            return whenPaused;
        }
    }

    private void Succeeded()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            Log.SharedCacheRecovered(_logger);
        }
    }

    private void Failed(Exception exception)
    {
        Interlocked.Exchange(ref _retryAtTicks, (_time.GetUtcNow() + _retryAfter).UtcTicks);
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Log.SharedCacheUnavailable(_logger, _retryAfter, exception);
        }
    }
}

using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Shared;

/// <summary>Keeps a failing shared tier (Redis) from failing or stalling requests. While the connection is down
/// (<c>isConnected</c> says so without any network call) the inner cache is not called at all: reads miss and writes
/// are dropped at once, and the connection is re-made in the background, never by a request. Any other failure (a
/// timeout on a connection that looks up) is logged once as a warning and the inner cache is left alone for
/// <see cref="CacheRedisOptions.RetryAfter"/>; after that one call, and only one, tries it again while the others
/// still skip it, so a dead Redis never costs every request in flight a timeout at once. Recovery is logged once.</summary>
internal sealed class ResilientDistributedCache : IDistributedCache
{
    private readonly IDistributedCache _inner;
    private readonly TimeSpan _retryAfter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<bool> _isConnected;
    private readonly string _endpoint;
    private long _retryAtTicks;
    private int _down;
    private int _probing;
    private long _failures;
    private long _downSinceTicks;

    public ResilientDistributedCache(
        IDistributedCache inner, TimeSpan retryAfter, TimeProvider time, ILogger logger, Func<bool>? isConnected = null, string endpoint = "")
    {
        _inner = inner;
        _retryAfter = retryAfter;
        _time = time;
        _logger = logger;
        _isConnected = isConnected ?? (() => true);
        _endpoint = endpoint;
    }

    /// <summary>True while the inner cache is being left alone after a failure.</summary>
    public bool IsPaused => Volatile.Read(ref _down) == 1 && _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _retryAtTicks);

    /// <summary>The shared tier's state for health and metrics, read without touching the network.</summary>
    public CacheTierHealth Health()
    {
        var down = Volatile.Read(ref _down) == 1 || !_isConnected();
        var since = Interlocked.Read(ref _downSinceTicks);
        return new CacheTierHealth(
            Derivatives.CacheTierNames.Shared,
            down ? CacheTierStates.Unavailable : CacheTierStates.Ok,
            down ? (_isConnected() ? "Redis failed a request; retried shortly" : "not connected to Redis; reconnecting in the background") : null,
            since == 0 ? null : new DateTimeOffset(since, TimeSpan.Zero),
            Interlocked.Read(ref _failures),
            IsLocal: false);
    }

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
        if (!TryEnter(out var probe))
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
        finally
        {
            Leave(probe);
        }
    }

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, T whenPaused, CancellationToken token)
    {
        if (!TryEnter(out var probe))
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
        finally
        {
            Leave(probe);
        }
    }

    /// <summary>Whether this call may use the inner cache; <paramref name="probe"/> is set for the one call that tries a
    /// paused cache again.</summary>
    private bool TryEnter(out bool probe)
    {
        probe = false;
        if (!_isConnected())
        {
            Disconnected();
            return false;
        }

        if (Volatile.Read(ref _down) == 0)
        {
            return true;
        }

        if (_time.GetUtcNow().UtcTicks < Interlocked.Read(ref _retryAtTicks) || Interlocked.CompareExchange(ref _probing, 1, 0) != 0)
        {
            return false;
        }

        probe = true;
        return true;
    }

    private void Leave(bool probe)
    {
        if (probe)
        {
            Volatile.Write(ref _probing, 0);
        }
    }

    private void Succeeded()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            Interlocked.Exchange(ref _downSinceTicks, _time.GetUtcNow().UtcTicks);
            Log.SharedCacheRecovered(_logger);
        }
    }

    private void Failed(Exception exception)
    {
        Interlocked.Increment(ref _failures);
        Interlocked.Exchange(ref _retryAtTicks, (_time.GetUtcNow() + _retryAfter).UtcTicks);
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Interlocked.Exchange(ref _downSinceTicks, _time.GetUtcNow().UtcTicks);
            Log.SharedCacheUnavailable(_logger, _retryAfter, exception);
        }
    }

    /// <summary>Noticed without calling Redis: logged once, like a failure; the next call once connected is the probe.</summary>
    private void Disconnected()
    {
        if (Volatile.Read(ref _down) == 0 && Interlocked.Exchange(ref _down, 1) == 0)
        {
            Interlocked.Exchange(ref _retryAtTicks, _time.GetUtcNow().UtcTicks);
            Interlocked.Exchange(ref _downSinceTicks, _time.GetUtcNow().UtcTicks);
            Log.SharedCacheDisconnected(_logger, _endpoint);
        }
    }
}

using System.Threading.Channels;
using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Derivatives;

/// <summary>Takes a slow tier's writes off the request path: a store is queued and written by one background writer, so
/// the response goes out as soon as it is rendered. The queue is bounded in bytes; when a store would overflow it, the
/// write is skipped and counted (the next visitor renders again), never waited for. While the inner tier reports
/// itself unhealthy (<c>writeThrough</c>: a full or read-only disk) stores go straight through, so callers that must
/// know whether an entry was kept (warming) still learn it. Statistics (cache <see cref="CacheName"/>): entries and bytes
/// waiting, hits = writes done, misses = writes skipped because the queue was full, evictions = queued writes dropped
/// (by a purge, or at shutdown when the drain ran out of time).</summary>
internal sealed class WriteBehindTier : IDerivativeTier, ICacheStatisticsSource, IAsyncDisposable, IDisposable
{
    /// <summary>The <see cref="CacheStatistics.Cache"/> name of the queue's statistics.</summary>
    public const string CacheName = "derivative-writes";

    private readonly IDerivativeTier _inner;
    private readonly long _maxBytes;
    private readonly Func<bool> _writeThrough;
    private readonly TimeSpan _drainTimeout;
    private readonly ILogger _logger;
    private readonly Channel<QueuedWrite> _queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _abandon = new(); // not disposed: a writer stuck in the inner tier may still read it
    private readonly Task _writer;
    private long _queuedBytes;
    private long _queuedEntries;
    private long _written;
    private long _skipped;
    private long _dropped;
    private int _purges;
    private int _disposed;

    public WriteBehindTier(IDerivativeTier inner, long maxBytes, Func<bool> writeThrough, TimeSpan drainTimeout, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        _inner = inner;
        _maxBytes = maxBytes;
        _writeThrough = writeThrough;
        _drainTimeout = drainTimeout;
        _logger = logger;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public CacheTier Tier => _inner.Tier;

    public bool Enabled => _inner.Enabled;

    public ValueTask<CachedDerivative?> TryGetAsync(DerivativeAddress address, CancellationToken cancellationToken) =>
        _inner.TryGetAsync(address, cancellationToken);

    public ValueTask<bool> StoreAsync(DerivativeAddress address, DerivativeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_writeThrough())
        {
            return _inner.StoreAsync(address, entry);
        }

        var size = entry.Bytes.LongLength;
        if (Interlocked.Add(ref _queuedBytes, size) > _maxBytes || Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Add(ref _queuedBytes, -size);
            Interlocked.Increment(ref _skipped);
            return ValueTask.FromResult(false);
        }

        Interlocked.Increment(ref _queuedEntries);
        _queue.Writer.TryWrite(new QueuedWrite(address, entry, Volatile.Read(ref _purges)));
        return ValueTask.FromResult(true);
    }

    public IReadOnlyCollection<string> Purge(string identifier, bool profilesOnly)
    {
        // Writes queued before the purge must not bring purged entries back: they are dropped when their turn comes.
        Interlocked.Increment(ref _purges);
        return _inner.Purge(identifier, profilesOnly);
    }

    public IReadOnlyCollection<string> PurgeAll()
    {
        Interlocked.Increment(ref _purges);
        return _inner.PurgeAll();
    }

    public CacheStatistics GetStatistics() => _inner.GetStatistics();

    IReadOnlyList<CacheStatistics> ICacheStatisticsSource.GetStatistics() =>
    [
        new(CacheName, _inner.Tier.Name, Interlocked.Read(ref _queuedEntries), Interlocked.Read(ref _queuedBytes),
            Interlocked.Read(ref _written), Interlocked.Read(ref _skipped), Interlocked.Read(ref _dropped)),
    ];

    /// <summary>Stops taking writes and writes what is queued, for at most the drain timeout; what is left is dropped,
    /// with one log line saying how much.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_writer, Task.Delay(_drainTimeout)).ConfigureAwait(false) != _writer)
        {
            // The writer stops at its next turn; a write stuck in the inner tier is not waited for.
            await _abandon.CancelAsync().ConfigureAwait(false);
        }

        var (tier, left, leftBytes, written) = (_inner.Tier.Name, Interlocked.Read(ref _queuedEntries), Interlocked.Read(ref _queuedBytes), Interlocked.Read(ref _written));
        if (left > 0)
        {
            Interlocked.Add(ref _dropped, left);
            Log.WriteBehindDropped(_logger, tier, left, leftBytes, _drainTimeout.TotalSeconds);
        }
        else
        {
            Log.WriteBehindDrained(_logger, tier, written);
        }

        (_inner as IDisposable)?.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteQueuedAsync()
    {
        try
        {
            await foreach (var write in _queue.Reader.ReadAllAsync(_abandon.Token).ConfigureAwait(false))
            {
                if (write.Purges != Volatile.Read(ref _purges))
                {
                    Interlocked.Increment(ref _dropped);
                }
                else
                {
                    // The inner tier logs and counts its own failures; a store must never fail anything here either.
                    await _inner.StoreAsync(write.Address, write.Entry).ConfigureAwait(false);
                    Interlocked.Increment(ref _written);
                }

                Interlocked.Add(ref _queuedBytes, -write.Entry.Bytes.LongLength);
                Interlocked.Decrement(ref _queuedEntries);
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Shutdown ran out of time: the rest is counted as dropped by DisposeAsync.
        }
    }

    private sealed record QueuedWrite(DerivativeAddress Address, DerivativeEntry Entry, int Purges);
}

using System.Threading.RateLimiting;
using Iiif.Web.Configuration;
using Iiif.Web.Metrics;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>Caps concurrent renders at imaging.maxConcurrentRenders (0 = one per core). A render that finds every slot
/// busy is queued while the wait it can expect, renders queued ahead x recent render time / slots, stays within
/// imaging.maxQueueWait; beyond that it is declined at once, so a viewer sees a hole only when the server truly cannot
/// catch up, and never a queue that grows until clients time out. A queued render still gives up after
/// imaging.queueTimeout, and the queue has a hard length cap, so memory stays bounded whatever the concurrency. Queue
/// length, waits and every decline go to <see cref="IiifMetrics"/>.</summary>
internal sealed class RenderGate : IDisposable
{
    /// <summary>Queued renders allowed per slot whatever the estimate says (the estimate knows nothing before the first
    /// render finishes).</summary>
    private const int MaxQueuedPerSlot = 256;

    /// <summary>The running mean of render times weighs roughly the last this many renders. Render times are heavy-tailed
    /// (a tile cut from a decoded JPEG 2000 block takes milliseconds, the first tile of a block or a whole low-resolution
    /// level far longer) and the wait of a queued render is a sum over many renders, so the mean must span many of them:
    /// over the last ten, one slow render made the estimate overshoot and shed tiles that would have been served in time.</summary>
    private const int RecentRenders = 64;

    private readonly ConcurrencyLimiter _limiter;
    private readonly int _slots;
    private readonly double _maxQueueWaitSeconds;
    private readonly TimeSpan _timeout;
    private readonly IiifMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly Lock _meanLock = new();
    private double _meanRenderSeconds;
    private long _renders;
    private int _queued;

    public RenderGate(IOptions<ImagingOptions> options, IiifMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        _metrics = metrics;
        _time = time;
        var settings = options.Value;
        _slots = settings.EffectiveMaxConcurrentRenders;
        _maxQueueWaitSeconds = settings.QueueTimeout == 0 ? 0 : settings.MaxQueueWait;
        _timeout = TimeSpan.FromSeconds(settings.QueueTimeout);
        RetryAfter = TimeSpan.FromSeconds(settings.RetryAfter);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _slots,
            QueueLimit = _maxQueueWaitSeconds > 0 ? _slots * MaxQueuedPerSlot : 0,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>What a declined render tells the client (imaging.retryAfter).</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>The mean time a render held its slot, over about the last <see cref="RecentRenders"/> renders; zero before
    /// the first.</summary>
    public TimeSpan RecentRenderTime
    {
        get
        {
            lock (_meanLock)
            {
                return TimeSpan.FromSeconds(_meanRenderSeconds);
            }
        }
    }

    /// <summary>A held render slot (dispose it when the render ends: its time feeds the estimate), or null when the
    /// render is declined: the expected wait is over the bound, the queue is full, or no slot came free in time.</summary>
    /// <exception cref="OperationCanceledException">The request was aborted while waiting.</exception>
    public async ValueTask<IDisposable?> TryEnterAsync(CancellationToken requestAborted)
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return new Slot(this, lease);
        }

        lease.Dispose();
        var position = Interlocked.Increment(ref _queued);
        try
        {
            if (!Admits(position))
            {
                return Declined();
            }

            return await WaitAsync(requestAborted).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    public void Dispose() => _limiter.Dispose();

    // The queue ahead (this render included) drains at `slots` renders per mean render time.
    private bool Admits(int position)
    {
        if (_maxQueueWaitSeconds <= 0)
        {
            return false;
        }

        double mean;
        lock (_meanLock)
        {
            mean = _meanRenderSeconds;
        }

        return position * mean / _slots <= _maxQueueWaitSeconds;
    }

    private async ValueTask<IDisposable?> WaitAsync(CancellationToken requestAborted)
    {
        _metrics.QueueEntered();
        var queued = _time.GetTimestamp();
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, timeout.Token);
        try
        {
            var lease = await _limiter.AcquireAsync(1, waiting.Token).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                return new Slot(this, lease);
            }

            lease.Dispose();
            return Declined();
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return Declined();
        }
        finally
        {
            _metrics.QueueLeft(_time.GetElapsedTime(queued));
        }
    }

    private IDisposable? Declined()
    {
        _metrics.CountShed();
        return null;
    }

    // A plain average over the first renders, then an exponential one over about the last RecentRenders: no single first
    // render decides the estimate, and the mean still follows a change of workload.
    private void Finished(TimeSpan held)
    {
        lock (_meanLock)
        {
            _renders++;
            var weight = 1.0 / Math.Min(_renders, RecentRenders);
            _meanRenderSeconds += weight * (held.TotalSeconds - _meanRenderSeconds);
        }
    }

    private sealed class Slot(RenderGate gate, RateLimitLease lease) : IDisposable
    {
        private readonly long _started = gate._time.GetTimestamp();
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Finished(gate._time.GetElapsedTime(_started));
                lease.Dispose();
            }
        }
    }
}

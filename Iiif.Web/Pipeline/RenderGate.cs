using System.Threading.RateLimiting;
using Iiif.Web.Configuration;
using Iiif.Web.Metrics;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>Caps concurrent renders at imaging.maxConcurrentRenders (0 = one per core) with a bounded queue and a
/// bounded wait (imaging.queueTimeout), so overload turns into quick 503s instead of a queue that grows until the
/// process runs out of memory (house style §7). Queue length, waits and each 503 it causes go to <see cref="IiifMetrics"/>.</summary>
internal sealed class RenderGate : IDisposable
{
    /// <summary>Waiting requests allowed per render slot.</summary>
    private const int QueuePerPermit = 16;

    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeSpan _timeout;
    private readonly IiifMetrics _metrics;
    private readonly TimeProvider _time;

    public RenderGate(IOptions<ImagingOptions> options, IiifMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        _metrics = metrics;
        _time = time;
        var settings = options.Value;
        var permits = settings.EffectiveMaxConcurrentRenders;
        _timeout = TimeSpan.FromSeconds(settings.QueueTimeout);
        RetryAfterSeconds = settings.RetryAfter;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = settings.QueueTimeout == 0 ? 0 : permits * QueuePerPermit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The Retry-After seconds of the 503 sent when no slot is free in time.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>A held render slot, or null when none came free within the timeout or the queue is full.</summary>
    /// <exception cref="OperationCanceledException">The request was aborted while waiting.</exception>
    public async ValueTask<RateLimitLease?> TryEnterAsync(CancellationToken requestAborted)
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired || _timeout == TimeSpan.Zero)
        {
            return Counted(Kept(lease));
        }

        lease.Dispose();
        _metrics.QueueEntered();
        var queued = _time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(_timeout);
        try
        {
            return Counted(Kept(await _limiter.AcquireAsync(1, timeout.Token).ConfigureAwait(false)));
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return Counted(null);
        }
        finally
        {
            _metrics.QueueLeft(_time.GetElapsedTime(queued));
        }
    }

    public void Dispose() => _limiter.Dispose();

    // A missing lease becomes a 503 with Retry-After: a request shed to protect the server.
    private RateLimitLease? Counted(RateLimitLease? lease)
    {
        if (lease is null)
        {
            _metrics.CountShed();
        }

        return lease;
    }

    private static RateLimitLease? Kept(RateLimitLease lease)
    {
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }
}

using Iiif.Caching;
using Iiif.Caching.Derivatives;
using Iiif.Web.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Cleaning;

/// <summary>Runs <see cref="IDerivativeCleaner.CleanAsync"/> every cache.clean.period seconds, replacing the old server's
/// cron script. Time comes from the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock. A failed
/// pass is logged and the next period tries again; the host is never stopped by cleaning.</summary>
/// <remarks>The cleaner is optional: a host without a disk tier registers none, and then nothing runs.</remarks>
internal sealed class CacheCleaningService(
    IDerivativeCleaner? cleaner,
    IOptions<CachingOptions> cache,
    TimeProvider timeProvider,
    ILogger<CacheCleaningService> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>Creates the timer before the base class starts <see cref="ExecuteAsync"/> on another thread, so the first
    /// period counts from start-up (and a test's fake clock advanced after StartAsync is seen).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var period = cache.Value.Clean.Period;
        if (period == 0 || cleaner is null)
        {
            Log.CacheCleanerOff(logger, LogValues.Image, LogValues.Clean, cleaner is null ? "no file cache" : "cache.clean.period is 0");
        }
        else
        {
            _timer = new PeriodicTimer(TimeSpan.FromSeconds(period), timeProvider);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null || cleaner is null)
        {
            return;
        }

        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await CleanOnceAsync(cleaner, cache.Value.Clean.Period, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task CleanOnceAsync(IDerivativeCleaner derivativeCleaner, int period, CancellationToken stoppingToken)
    {
        try
        {
            var report = await derivativeCleaner.CleanAsync(stoppingToken).ConfigureAwait(false);
            LogReport(logger, report);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            Log.CacheCleanFailed(logger, e, LogValues.Image, LogValues.Clean, period);
        }
    }

    /// <summary>One pass's report in the old log keys (cache, op) plus its counts.</summary>
    public static void LogReport(ILogger logger, CleanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Log.CacheCleaned(logger, LogValues.Image, LogValues.Clean, report.Examined, report.Deleted, report.BytesFreed, report.FoldersRemoved);
    }
}

using Iiif.Imaging.Memory;

namespace Iiif.Web.Memory;

/// <summary>Asks the <see cref="MemoryTrimmer"/> every <see cref="CheckInterval"/> whether memory is due to be given back
/// (after a minute without renders, or while the process is over its budget), so a server left alone shrinks back to
/// its caches and a busy one does not keep freed buffers. At start it has large C-heap blocks mapped on their own
/// (<see cref="NativeHeap.MapLargeBlocks"/>).</summary>
internal sealed class MemoryTrimmingService(MemoryTrimmer trimmer, TimeProvider time, ILogger<MemoryTrimmingService> logger)
    : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>Blocks from this size on are mapped on their own, so a freed decode buffer leaves the process at once.</summary>
    public const int LargeBlockBytes = 1024 * 1024;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        NativeHeap.MapLargeBlocks(LargeBlockBytes);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var resident = Environment.WorkingSet;
                if (trimmer.TrimIfDue(resident) is { } reason)
                {
                    Log.MemoryTrimmed(logger, reason, resident, Environment.WorkingSet);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}

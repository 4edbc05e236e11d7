namespace Iiif.Caching;

/// <summary>What the host runs once before it takes requests: the disk tier probes its folder (an unwritable or full one is
/// logged at once) and starts its index scan, and the first attempt to connect to the shared Redis is awaited (at most
/// its connect timeout), so the first requests find it connected instead of skipping it. Never fails start-up: a cache
/// that does not work leaves the server serving without it.</summary>
public interface ICachingStartup
{
    /// <summary>Runs the start-up checks; completes when the first Redis connection attempt has ended.</summary>
    Task StartAsync(CancellationToken cancellationToken);
}

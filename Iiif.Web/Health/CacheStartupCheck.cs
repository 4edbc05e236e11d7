using Iiif.Caching;

namespace Iiif.Web.Health;

/// <summary>Runs the caches' start-up checks before the server takes requests (see <see cref="ICachingStartup"/>): an
/// unwritable or full cache.root is logged at once, with the reason, leftover temp files go, and a configured Redis is
/// given its first connection attempt. Never stops start-up: a server without a cache still serves, and readiness says
/// "degraded" when its disk cache cannot store.</summary>
internal sealed class CacheStartupCheck(ICachingStartup caches) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => caches.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

namespace Iiif.Web.Health;

/// <summary>Readiness for a load balancer or orchestrator: the checks of <see cref="HealthProbe"/> (image folder,
/// JPEG 2000 codec) plus a configured Redis that has stayed unreachable past its grace period.</summary>
internal sealed class ReadinessCheck(HealthProbe probe, RedisReadinessProbe redis)
{
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var health = probe.Check();
        var (redisState, redisReady) = await redis.CheckAsync(cancellationToken).ConfigureAwait(false);
        var reason = health.Images != HealthProbe.Readable ? "image folder unreadable"
            : health.Jpeg2000 == HealthProbe.Unavailable ? "JPEG 2000 codec (libopenjp2) not loaded"
            : !redisReady ? "Redis unreachable beyond the grace period"
            : null;
        return new ReadinessReport(reason is null ? ReadinessReport.Ready : ReadinessReport.NotReady, reason,
            health.Images, health.Jpeg2000, redisState);
    }
}

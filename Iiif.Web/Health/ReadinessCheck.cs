using Iiif.Core.Diagnostics;

namespace Iiif.Web.Health;

/// <summary>Readiness for a load balancer or orchestrator: whether this instance can serve. Not ready (503) when the
/// image folder cannot be read or the JPEG 2000 codec does not load; degraded (200, still serving) when its own disk
/// cache cannot store (full or unwritable), with the reason. A shared cache (Redis) being away is no reason to take an
/// instance out of rotation: it serves from its own tiers meanwhile; its state is in /metrics and /admin/health.</summary>
internal sealed class ReadinessCheck(HealthProbe probe, IEnumerable<ICacheHealthSource> caches)
{
    public ReadinessReport Check()
    {
        var health = probe.Check();
        var disk = caches.SelectMany(c => c.GetHealth()).FirstOrDefault(t => t.IsLocal);
        var (status, reason) = health.Images != HealthProbe.Readable ? (ReadinessReport.NotReady, "image folder unreadable")
            : health.Jpeg2000 == HealthProbe.Unavailable ? (ReadinessReport.NotReady, "JPEG 2000 codec (libopenjp2) not loaded")
            : disk is { IsOk: false } ? (ReadinessReport.Degraded, $"disk cache {disk.State}: {disk.Reason}; serving without storing")
            : (ReadinessReport.Ready, (string?)null);
        return new ReadinessReport(status, reason, health.Images, health.Jpeg2000, disk?.State ?? ReadinessReport.CacheOff);
    }
}

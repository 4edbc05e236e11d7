using Iiif.Core.Diagnostics;
using Prometheus;

namespace Iiif.Web.Metrics;

/// <summary>Each cache tier's state and failures, read from the caches' health when /metrics is scraped: alert on
/// <c>iiif_cache_tier_state{state="ok"} == 0</c> (a full or unwritable disk cache, an unreachable Redis).</summary>
internal static class CacheHealthMetrics
{
    private static readonly string[] States =
        [CacheTierStates.Ok, CacheTierStates.Full, CacheTierStates.Unwritable, CacheTierStates.Unavailable];

    public static void Register(CollectorRegistry registry, MetricFactory factory, IServiceProvider? services)
    {
        var state = factory.CreateGauge("iiif_cache_tier_state",
            "1 for the state a cache tier is in now (ok, full, unwritable, unavailable), 0 for the others.",
            new GaugeConfiguration { LabelNames = ["tier", "state"] });
        var failures = factory.CreateCounter("iiif_cache_tier_failures_total",
            "Cache tier operations that failed since start-up: stores that found the disk full or unwritable, Redis calls that failed.",
            new CounterConfiguration { LabelNames = ["tier"] });
        registry.AddBeforeCollectCallback(() =>
        {
            var sources = services?.GetService(typeof(IEnumerable<ICacheHealthSource>)) as IEnumerable<ICacheHealthSource>;
            foreach (var tier in (sources ?? []).SelectMany(s => s.GetHealth()))
            {
                foreach (var name in States)
                {
                    state.WithLabels(tier.Tier, name).Set(name == tier.State ? 1 : 0);
                }

                failures.WithLabels(tier.Tier).IncTo(tier.Failures);
            }
        });
    }
}

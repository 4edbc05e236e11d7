using Iiif.Imaging.Sources;
using Iiif.Imaging.Sources.Remote;
using Prometheus;

namespace Iiif.Web.Metrics;

/// <summary>What remote sources asked of their upstreams, per source rule, read from <see cref="RemoteSourceCounters"/>
/// when /metrics is scraped: alert on a rising <c>iiif_source_failures_total</c>.</summary>
internal static class SourceMetrics
{
    public static void Register(CollectorRegistry registry, MetricFactory factory, IServiceProvider? services)
    {
        var requests = factory.CreateCounter("iiif_source_requests_total",
            "Requests remote sources sent upstream (version checks, ranged reads, listings), by source rule.",
            new CounterConfiguration { LabelNames = ["rule"] });
        var bytes = factory.CreateCounter("iiif_source_bytes_total", "Bytes remote sources received from upstream, by source rule.",
            new CounterConfiguration { LabelNames = ["rule"] });
        var failures = factory.CreateCounter("iiif_source_failures_total",
            "Remote source failures by source rule and kind (not_found, forbidden, timeout, upstream, truncated, changed).",
            new CounterConfiguration { LabelNames = ["rule", "failure"] });
        registry.AddBeforeCollectCallback(() =>
        {
            if (services?.GetService(typeof(RemoteSourceCounters)) is not RemoteSourceCounters counters)
            {
                return;
            }

            foreach (var (rule, counts) in counters.Rules)
            {
                requests.WithLabels(rule).IncTo(counts.Requests);
                bytes.WithLabels(rule).IncTo(counts.Bytes);
                foreach (var failure in Enum.GetValues<SourceFailure>())
                {
                    failures.WithLabels(rule, LabelOf(failure)).IncTo(counts.Failures(failure));
                }
            }
        });
    }

    private static string LabelOf(SourceFailure failure) => failure switch
    {
        SourceFailure.NotFound => "not_found",
        _ => failure.ToString().ToLowerInvariant(),
    };
}

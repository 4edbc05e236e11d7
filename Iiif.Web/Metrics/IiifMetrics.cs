using Iiif.Core.Diagnostics;
using Prometheus;

namespace Iiif.Web.Metrics;

/// <summary>The server's Prometheus metrics, on a registry of its own (so two hosts in one process, as in the tests, never
/// share counts). Requests and bytes come from <see cref="MetricsMiddleware"/>, render times from
/// <see cref="TimedImageRenderer"/>, the render queue from <c>RenderGate</c>; cache tiers are read from the caches'
/// own statistics each time /metrics is scraped, so the caches need no knowledge of Prometheus, and so is the memory
/// accounting (<see cref="MemoryGauges"/>).</summary>
internal sealed class IiifMetrics
{
    /// <summary>Render times from a cached-tile cut (milliseconds) to a full-page PDF (tens of seconds).</summary>
    private static readonly double[] RenderBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>Queue waits up to imaging.queueTimeout's default of 30 s.</summary>
    private static readonly double[] WaitBuckets = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter _requests;
    private readonly Counter _bytes;
    private readonly Histogram _renders;
    private readonly Gauge _queueLength;
    private readonly Histogram _queueWaits;
    private readonly Counter _shed;
    private readonly Counter _cacheLookups;
    private readonly Gauge _cacheEntries;
    private readonly Gauge _cacheBytes;
    private readonly Counter _cacheEvictions;
    private readonly MemoryGauges _memory;
    private readonly IServiceProvider? _services;

    /// <summary>Metrics whose cache statistics are resolved from <paramref name="services"/> at scrape time; the caches
    /// are optional (GetService), so a host without them still serves every other metric.</summary>
    public IiifMetrics(IServiceProvider? services = null)
    {
        _services = services;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        // No exemplars: reading the trace context on every observation costs more than the series are worth here.
        factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        _requests = factory.CreateCounter("iiif_http_requests_total", "HTTP requests answered, by route and status code.",
            new CounterConfiguration { LabelNames = ["route", "status"] });
        _bytes = factory.CreateCounter("iiif_http_response_bytes_total", "Response body bytes served (Content-Length of GET responses), by route.",
            new CounterConfiguration { LabelNames = ["route"] });
        _renders = factory.CreateHistogram("iiif_render_duration_seconds", "Time to decode, transform and encode one image, by output format and JPEG 2000 reduction level.",
            new HistogramConfiguration { LabelNames = ["format", "reduction"], Buckets = RenderBuckets });
        _queueLength = factory.CreateGauge("iiif_render_queue_length", "Requests waiting for a render slot now.");
        _queueWaits = factory.CreateHistogram("iiif_render_queue_wait_seconds", "Time requests that had to queue waited for a render slot (whether they got one or not).",
            new HistogramConfiguration { Buckets = WaitBuckets });
        _shed = factory.CreateCounter("iiif_render_rejected_total", "Image requests answered 503 because no render slot came free in time (load shed).");
        _cacheLookups = factory.CreateCounter("iiif_cache_lookups_total", "Cache lookups since start-up, by cache (info, derivatives), tier (memory, disk, shared) and result (hit, miss).",
            new CounterConfiguration { LabelNames = ["cache", "tier", "result"] });
        _cacheEntries = factory.CreateGauge("iiif_cache_entries", "Entries held by a cache tier (absent when the tier cannot tell).",
            new GaugeConfiguration { LabelNames = ["cache", "tier"] });
        _cacheBytes = factory.CreateGauge("iiif_cache_bytes", "Bytes held by a cache tier (absent when the tier cannot tell).",
            new GaugeConfiguration { LabelNames = ["cache", "tier"] });
        _cacheEvictions = factory.CreateCounter("iiif_cache_evictions_total", "Entries a cache tier removed to stay within its budget since start-up, by cache and tier.",
            new CounterConfiguration { LabelNames = ["cache", "tier"] });
        _memory = new MemoryGauges(factory, services);
        Registry.AddBeforeCollectCallback(ReadCacheStatistics);
        Registry.AddBeforeCollectCallback(_memory.Read);
        ProcessMetrics.Register(Registry, factory);
        CacheHealthMetrics.Register(Registry, factory, services);
        SourceMetrics.Register(Registry, factory, services);
    }

    /// <summary>The registry /metrics exposes.</summary>
    public CollectorRegistry Registry { get; }

    public void CountRequest(string route, int status, long? bytes)
    {
        _requests.WithLabels(route, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        if (bytes is > 0)
        {
            _bytes.WithLabels(route).Inc(bytes.Value);
        }
    }

    /// <summary>One finished render; <paramref name="format"/> is the extension (jpg, png, …).</summary>
    public void ObserveRender(string format, int reductionLevel, TimeSpan elapsed) =>
        _renders.WithLabels(format, reductionLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)).Observe(elapsed.TotalSeconds);

    public void QueueEntered() => _queueLength.Inc();

    /// <summary>A queued request left the queue after <paramref name="waited"/>, with a slot or without one.</summary>
    public void QueueLeft(TimeSpan waited)
    {
        _queueLength.Dec();
        _queueWaits.Observe(waited.TotalSeconds);
    }

    public void CountShed() => _shed.Inc();

    /// <summary>Copies each tier's counters into the metrics. The caches count since start-up, as Prometheus counters do,
    /// so IncTo keeps the series monotonic.</summary>
    internal void ReadCacheStatistics()
    {
        var sources = _services?.GetService(typeof(IEnumerable<ICacheStatisticsSource>)) as IEnumerable<ICacheStatisticsSource>;
        foreach (var source in sources ?? [])
        {
            Publish(source.GetStatistics());
        }
    }

    private void Publish(IReadOnlyList<CacheStatistics>? statistics)
    {
        foreach (var tier in statistics ?? [])
        {
            _cacheLookups.WithLabels(tier.Cache, tier.Tier, "hit").IncTo(tier.Hits);
            _cacheLookups.WithLabels(tier.Cache, tier.Tier, "miss").IncTo(tier.Misses);
            _cacheEvictions.WithLabels(tier.Cache, tier.Tier).IncTo(tier.Evictions);
            if (tier.Entries is { } entries)
            {
                _cacheEntries.WithLabels(tier.Cache, tier.Tier).Set(entries);
            }

            if (tier.Bytes is { } bytes)
            {
                _cacheBytes.WithLabels(tier.Cache, tier.Tier).Set(bytes);
            }
        }
    }
}

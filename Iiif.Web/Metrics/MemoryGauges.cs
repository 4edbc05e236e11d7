using Iiif.Imaging.Memory;
using Iiif.Web.Configuration;
using Prometheus;

namespace Iiif.Web.Metrics;

/// <summary>Where the process's memory is, beside the caches' own bytes (<c>iiif_cache_bytes</c>): the configured budget
/// and its shares, the GC heap's committed memory, ImageSharp's pooled buffers and the C heap (OpenJPEG's and
/// ImageSharp's unmanaged buffers). Read at scrape time. The standard process and runtime series are not repeated.</summary>
internal sealed class MemoryGauges
{
    private readonly Gauge _budget;
    private readonly Gauge _bytes;
    private readonly IServiceProvider? _services;

    public MemoryGauges(MetricFactory factory, IServiceProvider? services)
    {
        _services = services;
        _budget = factory.CreateGauge("iiif_memory_budget_bytes",
            "The memory budget (memory.budgetMegabytes) and the share of it each cache or pool may keep, by share (total, decoded_images, decoded_blocks, derivatives_memory, imagesharp_pool, remote_sources).",
            new GaugeConfiguration { LabelNames = ["share"] });
        _bytes = factory.CreateGauge("iiif_memory_bytes",
            "Memory held now outside the caches' own counts, by part: gc_heap_committed (the managed heap's committed memory), imagesharp_pool (pooled pixel buffers not in use), native_heap_in_use and native_heap_free (the C heap: buffers in use, and freed memory not yet returned).",
            new GaugeConfiguration { LabelNames = ["part"] });
    }

    public void Read()
    {
        if (_services?.GetService(typeof(MemoryBudget)) is MemoryBudget budget)
        {
            _budget.WithLabels("total").Set(budget.TotalMegabytes * Megabyte);
            foreach (var share in budget.Shares)
            {
                _budget.WithLabels(share.Name).Set(share.Megabytes * Megabyte);
            }
        }

        _bytes.WithLabels("gc_heap_committed").Set(GC.GetGCMemoryInfo().TotalCommittedBytes);
        if ((_services?.GetService(typeof(ImageSharpPool)) as ImageSharpPool)?.RetainedBytes() is { } pooled)
        {
            _bytes.WithLabels("imagesharp_pool").Set(pooled);
        }

        if (NativeHeap.InUse() is { } inUse)
        {
            _bytes.WithLabels("native_heap_in_use").Set(inUse);
        }

        if (NativeHeap.Free() is { } free)
        {
            _bytes.WithLabels("native_heap_free").Set(free);
        }
    }

    private const double Megabyte = 1024 * 1024;
}

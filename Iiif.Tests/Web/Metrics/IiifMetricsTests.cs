using System.Text;
using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Core.Diagnostics;
using Iiif.Imaging.Memory;
using Iiif.Web.Configuration;
using Iiif.Web.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Iiif.Tests.Web.Metrics;

/// <summary>Cache tiers are read from the caches' statistics when /metrics is scraped.</summary>
[TestFixture]
public class IiifMetricsTests
{
    [Test]
    public async Task Scrape_WithCaches_ExportsHitsMissesEntriesAndBytesPerTier()
    {
        var derivatives = new Mock<IDerivativeCache>();
        derivatives.Setup(c => c.GetStatistics()).Returns(
        [
            new CacheStatistics("derivatives", "memory", 3, 3000, 7, 2, 4),
            new CacheStatistics("derivatives", "shared", null, null, 5, 1),
        ]);
        var info = new Mock<IInfoCache>();
        info.Setup(c => c.GetStatistics()).Returns([new CacheStatistics("info", "memory", 1, null, 4, 1)]);
        using var services = new ServiceCollection()
            .AddSingleton<ICacheStatisticsSource>(derivatives.Object).AddSingleton<ICacheStatisticsSource>(info.Object).BuildServiceProvider();

        var text = await ScrapeAsync(new IiifMetrics(services));

        Assert.Multiple(() =>
        {
            Assert.That(MetricsEndpointTests.Value(text, "iiif_cache_lookups_total", "cache=\"derivatives\",tier=\"memory\",result=\"hit\""), Is.EqualTo(7));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_cache_lookups_total", "cache=\"derivatives\",tier=\"shared\",result=\"hit\""), Is.EqualTo(5));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_cache_lookups_total", "cache=\"info\",tier=\"memory\",result=\"miss\""), Is.EqualTo(1));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_cache_entries", "cache=\"derivatives\",tier=\"memory\""), Is.EqualTo(3));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_cache_bytes", "cache=\"derivatives\",tier=\"memory\""), Is.EqualTo(3000));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_cache_evictions_total", "cache=\"derivatives\",tier=\"memory\""), Is.EqualTo(4));
            Assert.That(text, Does.Not.Contain("""iiif_cache_entries{cache="derivatives",tier="shared"}"""));
        });
    }

    [Test]
    [Description("A host without the caches registered still serves every other metric.")]
    public async Task Scrape_WithoutCaches_ExportsNoCacheSeries()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var text = await ScrapeAsync(new IiifMetrics(services));

        Assert.That(text, Does.Not.Contain("iiif_cache_lookups_total{"));
        Assert.That(text, Does.Contain("iiif_render_queue_length 0"));
    }

    [Test]
    [Description("The memory accounting: the budget and its shares, the GC heap, the pool and the C heap.")]
    public async Task Scrape_WithBudgetAndPool_ExportsMemoryAccounting()
    {
        var budget = MemoryBudget.Split(768, new Dictionary<string, int>());
        using var services = new ServiceCollection()
            .AddSingleton(budget)
            .AddSingleton(new ImageSharpPool(SixLabors.ImageSharp.Configuration.Default.Clone()))
            .BuildServiceProvider();

        var text = await ScrapeAsync(new IiifMetrics(services));

        Assert.Multiple(() =>
        {
            Assert.That(MetricsEndpointTests.Value(text, "iiif_memory_budget_bytes", "share=\"total\""), Is.EqualTo(768 * 1024 * 1024));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_memory_budget_bytes", "share=\"decoded_images\""), Is.EqualTo(256 * 1024 * 1024));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_memory_bytes", "part=\"gc_heap_committed\""), Is.GreaterThan(0));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_memory_bytes", "part=\"imagesharp_pool\""), Is.GreaterThanOrEqualTo(0));
            Assert.That(MetricsEndpointTests.Value(text, "iiif_memory_bytes", "part=\"native_heap_in_use\""), Is.GreaterThan(0));
        });
    }

    private static async Task<string> ScrapeAsync(IiifMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

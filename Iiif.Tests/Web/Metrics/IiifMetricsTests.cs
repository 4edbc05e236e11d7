using System.Text;
using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Core.Diagnostics;
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
            new CacheStatistics("derivatives", "memory", 3, 3000, 7, 2),
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

    private static async Task<string> ScrapeAsync(IiifMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

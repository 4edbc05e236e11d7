using Iiif.Tests.TestUtilities;
using Iiif.Caching;
using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Caching.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Iiif.Tests.Caching;

[TestFixture]
public sealed class CachingServiceCollectionExtensionsTests
{
    [Test]
    [Description("AddIiifCaching registers the caches and cleaner; a host's TimeProvider wins; no Redis means no shared tier.")]
    public async Task AddIiifCaching_ResolvesCachesSharingOneDiskStore()
    {
        using var fixture = new DerivativeCacheFixture();
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddIiifCaching().Configure<CachingOptions>(o => o.Root = fixture.Root);
        await using var provider = services.BuildServiceProvider();

        var cache = provider.GetRequiredService<IDerivativeCache>();
        var cleaner = provider.GetRequiredService<IDerivativeCleaner>();
        using (await DerivativeCacheFixture.GetAsync(cache, DerivativeCacheFixture.Key(), new CountingRenderer(10)))
        {
        }

        // The disk write happens behind the response (cache.derivatives.writeBehindMegabytes).
        await Until.TrueAsync(() => fixture.DataFiles().Any(), "the queued disk write");
        time.Advance(TimeSpan.FromDays(2));
        var report = await cleaner.CleanAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<IInfoCache>(), Is.InstanceOf<HybridInfoCache>());
            Assert.That(provider.GetRequiredService<TimeProvider>(), Is.SameAs(time));
            Assert.That(provider.GetRequiredService<SharedCacheTier>().Cache, Is.Null);
            Assert.That(report.Deleted, Is.EqualTo(1), "the cleaner sees what the cache wrote, by the host's clock");
        });
    }

    [Test]
    [Description("With cache.redis.configuration set, both caches get the resilient shared tier.")]
    public async Task AddIiifCaching_WithRedis_SharedTierIsResilient()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIiifCaching().Configure<CachingOptions>(o => o.Redis.Configuration = "127.0.0.1:1");
        await using var provider = services.BuildServiceProvider();

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<SharedCacheTier>().Cache, Is.InstanceOf<ResilientDistributedCache>());
            Assert.That(provider.GetRequiredService<IDerivativeCache>().GetStatistics().Select(s => s.Tier), Does.Contain("shared"));
            Assert.That(provider.GetRequiredService<IInfoCache>().GetStatistics().Select(s => s.Tier), Does.Contain("shared"));
        });
    }
}

using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Caching.Shared;
using Iiif.Core.Info;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Iiif.Tests.Caching.DerivativeCacheFixture;

namespace Iiif.Tests.Caching;

/// <summary>The shared tier against a real Redis: sharing between instances, and an outage mid-run.</summary>
[TestFixture]
[Category("Redis")]
[NonParallelizable]
public sealed class RedisCachingTests
{
    private RedisServer _redis = null!;

    [OneTimeSetUp]
    public void StartRedis() => _redis = RedisServer.StartNew();

    [OneTimeTearDown]
    public void StopRedis() => _redis?.Dispose();

    [SetUp]
    public void EnsureRunning() => _redis.Start();

    [Test]
    [Description("A second instance (own disk) serves from Redis what the first rendered, without rendering.")]
    public async Task Derivatives_TwoInstancesOneRedis_SecondServesFromShared()
    {
        using var one = new DerivativeCacheFixture(o => o.Redis.Configuration = _redis.Configuration);
        using var two = new DerivativeCacheFixture(o => o.Redis.Configuration = _redis.Configuration);
        using var sharedOne = await SharedTierAsync(one);
        using var sharedTwo = await SharedTierAsync(two);
        using var first = one.CreateCache(sharedOne.Cache);
        using var second = two.CreateCache(sharedTwo.Cache);
        var key = Key(identifier: Guid.NewGuid().ToString());
        var renderer = new CountingRenderer(5000);

        using (await GetAsync(first, key, renderer))
        {
        }

        await TieredDerivativeCacheTests.WaitForSharedAsync(sharedTwo.Cache!, key);
        using var fromShared = await GetAsync(second, key, renderer);

        Assert.Multiple(() =>
        {
            Assert.That(fromShared.Tier, Is.EqualTo(CacheTier.Shared));
            Assert.That(BytesOf(fromShared), Is.EqualTo(renderer.Content));
            Assert.That(renderer.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    [Description("A second info cache finds in Redis what the first identified.")]
    public async Task Info_TwoInstancesOneRedis_SecondServesFromShared()
    {
        using var fixture = new DerivativeCacheFixture(o => o.Redis.Configuration = _redis.Configuration);
        using var sharedOne = await SharedTierAsync(fixture);
        using var sharedTwo = await SharedTierAsync(fixture);
        using var first = InfoCache(fixture, sharedOne);
        using var second = InfoCache(fixture, sharedTwo);
        var identifier = Guid.NewGuid().ToString();
        var identifies = 0;
        ValueTask<ImageInfo> Identify(CancellationToken _)
        {
            Interlocked.Increment(ref identifies);
            return ValueTask.FromResult(new ImageInfo(640, 480, 5, null, false));
        }

        var original = await first.GetOrAddAsync(identifier, Version1, Identify, CancellationToken.None);
        // HybridCache answers the caller first and writes Redis afterwards: the second instance asks once it is there.
        await Until.TrueAsync(async () => await sharedOne.Cache!.GetAsync(HybridInfoCache.SharedKey(identifier, Version1)) is not null,
            "the first instance's facts in Redis");
        var shared = await second.GetOrAddAsync(identifier, Version1, Identify, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(shared, Is.EqualTo(original));
            Assert.That(identifies, Is.EqualTo(1));
            Assert.That(second.GetStatistics().Single(s => s.Tier == "shared").Hits, Is.EqualTo(1));
        });
    }

    [Test]
    [Description("Redis stopping mid-run: lookups and renders keep working, one warning; after it restarts the shared tier is used again.")]
    public async Task Derivatives_RedisStopsAndRestarts_KeepsServingThenUsesSharedAgain()
    {
        using var fixture = new DerivativeCacheFixture(o =>
        {
            o.Redis.Configuration = _redis.Configuration;
            o.Redis.RetryAfterSeconds = 30;
        });
        var logger = new CapturingLogger<ResilientDistributedCache>();
        using var shared = new SharedCacheTier(Options.Create(fixture.Options), fixture.Time, logger);
        await shared.FirstAttempt;
        using var cache = fixture.CreateCache(shared.Cache);
        var renderer = new CountingRenderer(1000);
        var id = Guid.NewGuid().ToString();

        using (await GetAsync(cache, Key(id, "before"), renderer))
        {
        }

        _redis.Stop();
        var duringOutage = new List<CacheTier>();
        for (var i = 0; i < 3; i++)
        {
            using var rendered = await GetAsync(cache, Key(id, $"outage{i}"), renderer);
            using var again = await GetAsync(cache, Key(id, $"outage{i}"), renderer);
            duringOutage.Add(rendered.Tier);
            duringOutage.Add(again.Tier);
        }

        _redis.Start();
        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        await WaitForSharedWriteAsync(shared, cache, fixture, Key(id, "after"), renderer);
        using var other = new DerivativeCacheFixture();
        using var otherCache = other.CreateCache(shared.Cache);
        using var fromShared = await GetAsync(otherCache, Key(id, "after"), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(duringOutage, Is.EqualTo(new[] { CacheTier.Rendered, CacheTier.Memory, CacheTier.Rendered, CacheTier.Memory, CacheTier.Rendered, CacheTier.Memory }));
            Assert.That(logger.Count(LogLevel.Warning), Is.EqualTo(1));
            Assert.That(fromShared.Tier, Is.EqualTo(CacheTier.Shared));
        });
    }

    private static Task WaitForSharedWriteAsync(
        SharedCacheTier shared, TieredDerivativeCache cache, DerivativeCacheFixture fixture, DerivativeKey key, CountingRenderer renderer) =>
        // The multiplexer reconnects in the background and a write before that is dropped: render and share again until
        // Redis holds the value, giving each background write a moment to land before the next try.
        Until.TrueAsync(async () =>
        {
            using (await GetAsync(cache, key, renderer, mode: DerivativeCacheMode.Refresh))
            {
            }

            for (var poll = 0; poll < 50; poll++)
            {
                if (await shared.Cache!.GetAsync(SharedDerivativeTier.KeyOf(DerivativeId.For(key))) is not null)
                {
                    return true;
                }

                await Task.Delay(20);
            }

            fixture.Time.Advance(TimeSpan.FromSeconds(31)); // past the breaker's pause, should a failed try have tripped it
            return false;
        }, "the restarted Redis to hold a fresh render");

    /// <summary>A shared tier whose first connection attempt has ended, as the host's start-up check waits for it.</summary>
    private static async Task<SharedCacheTier> SharedTierAsync(DerivativeCacheFixture fixture)
    {
        var tier = new SharedCacheTier(Options.Create(fixture.Options), fixture.Time, new CapturingLogger<ResilientDistributedCache>());
        await tier.FirstAttempt;
        return tier;
    }

    private static HybridInfoCache InfoCache(DerivativeCacheFixture fixture, SharedCacheTier shared) =>
        new(Options.Create(fixture.Options), fixture.Time, new CapturingLogger<HybridInfoCache>(), shared.Cache);
}

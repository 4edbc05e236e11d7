using Iiif.Caching.Derivatives;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using static Iiif.Tests.Caching.DerivativeCacheFixture;

namespace Iiif.Tests.Caching;

[TestFixture]
public sealed class TieredDerivativeCacheTests
{
    private DerivativeCacheFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new DerivativeCacheFixture();

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    [Description("A miss renders and stores; the same key then comes from memory without rendering.")]
    public async Task GetOrRender_SecondLookup_IsMemoryHit()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(1000);

        using var first = await GetAsync(cache, Key(), renderer);
        using var second = await GetAsync(cache, Key(), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(first.Tier, Is.EqualTo(CacheTier.Rendered));
            Assert.That(second.Tier, Is.EqualTo(CacheTier.Memory));
            Assert.That(renderer.Calls, Is.EqualTo(1));
            Assert.That(BytesOf(second), Is.EqualTo(renderer.Content));
            Assert.That(second.Metadata, Is.EqualTo(Jpeg));
            Assert.That(File.Exists(_fixture.DataPath(Key())), Is.True);
        });
    }

    [Test]
    [Description("With an empty memory tier the disk serves the entry, and the hit is promoted into memory.")]
    public async Task GetOrRender_NewInstanceOverSameFolder_DiskHitThenMemoryHit()
    {
        var renderer = new CountingRenderer(1000);
        using (var writer = _fixture.CreateCache())
        {
            using var _ = await GetAsync(writer, Key(), renderer);
        }

        using var cache = _fixture.CreateCache();
        using var fromDisk = await GetAsync(cache, Key(), renderer);
        using var fromMemory = await GetAsync(cache, Key(), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(fromDisk.Tier, Is.EqualTo(CacheTier.Disk));
            Assert.That(fromMemory.Tier, Is.EqualTo(CacheTier.Memory));
            Assert.That(BytesOf(fromDisk), Is.EqualTo(renderer.Content));
            Assert.That(renderer.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    [Description("An instance with an empty disk serves what another instance rendered from the shared tier, and promotes it.")]
    public async Task GetOrRender_OtherInstanceRendered_SharedHitPromotedToMemoryAndDisk()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var renderer = new CountingRenderer(1000);
        using (var first = _fixture.CreateCache(shared))
        {
            using var _ = await GetAsync(first, Key(), renderer);
        }

        await WaitForSharedAsync(shared, Key());
        using var other = new DerivativeCacheFixture();
        using var second = other.CreateCache(shared);
        using var fromShared = await GetAsync(second, Key(), renderer);
        using var fromMemory = await GetAsync(second, Key(), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(fromShared.Tier, Is.EqualTo(CacheTier.Shared));
            Assert.That(BytesOf(fromShared), Is.EqualTo(renderer.Content));
            Assert.That(fromMemory.Tier, Is.EqualTo(CacheTier.Memory));
            Assert.That(File.Exists(other.DataPath(Key())), Is.True, "promoted to disk");
            Assert.That(renderer.Calls, Is.EqualTo(1));
        });
        var sharedStats = second.GetStatistics().Single(s => s.Tier == "shared");
        Assert.That(sharedStats.Hits, Is.EqualTo(1));
    }

    [Test]
    [Description("MemoryOnly (bytes stored in the source as they are): rendered once, then served from memory, never written to disk or the shared tier.")]
    public async Task GetOrRender_MemoryOnly_KeptInMemoryNotOnDiskOrShared()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        using var cache = _fixture.CreateCache(shared);
        var renderer = new CountingRenderer(1000);

        using var first = await GetAsync(cache, Key(), renderer, mode: DerivativeCacheMode.MemoryOnly);
        using var second = await GetAsync(cache, Key(), renderer, mode: DerivativeCacheMode.MemoryOnly);
        var sharedCopy = await shared.GetAsync(SharedDerivativeTier.KeyOf(DerivativeId.For(Key())));

        Assert.Multiple(() =>
        {
            Assert.That(first.Tier, Is.EqualTo(CacheTier.Rendered));
            Assert.That(second.Tier, Is.EqualTo(CacheTier.Memory));
            Assert.That(BytesOf(second), Is.EqualTo(renderer.Content));
            Assert.That(renderer.Calls, Is.EqualTo(1));
            Assert.That(File.Exists(_fixture.DataPath(Key())), Is.False, "no disk copy");
            Assert.That(sharedCopy, Is.Null, "no shared copy (its writes are synchronous in memory)");
        });
    }

    [Test]
    [Description("Only derivatives up to cache.redis.maxItemKilobytes go to the shared tier.")]
    public async Task GetOrRender_LargerThanSharedMax_NotShared()
    {
        _fixture.Options.Redis.MaxItemKilobytes = 1;
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        using var cache = _fixture.CreateCache(shared);

        using var _ = await GetAsync(cache, Key(), new CountingRenderer(2000));

        Assert.That(await shared.GetAsync(SharedDerivativeTier.KeyOf(DerivativeId.For(Key()))), Is.Null);
    }

    [Test]
    [Description("A changed source version is a different key: it renders again (never stale pixels).")]
    public async Task GetOrRender_SourceVersionChanged_RendersAgain()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(100);

        using var a = await GetAsync(cache, Key(version: Version1), renderer);
        using var b = await GetAsync(cache, Key(version: Version2), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(b.Tier, Is.EqualTo(CacheTier.Rendered));
            Assert.That(renderer.Calls, Is.EqualTo(2));
        });
    }

    [Test]
    [Description("Refresh (admin recache) ignores existing entries, renders and overwrites every tier.")]
    public async Task GetOrRender_Refresh_RendersAndOverwrites()
    {
        using var cache = _fixture.CreateCache();
        using var _ = await GetAsync(cache, Key(), new CountingRenderer(100, seed: 1));
        var newer = new CountingRenderer(120, seed: 7);

        using var refreshed = await GetAsync(cache, Key(), newer, mode: DerivativeCacheMode.Refresh);
        using var after = await GetAsync(cache, Key(), newer);
        using var restarted = _fixture.CreateCache();
        using var fromDisk = await GetAsync(restarted, Key(), newer);

        Assert.Multiple(() =>
        {
            Assert.That(refreshed.Tier, Is.EqualTo(CacheTier.Rendered));
            Assert.That(BytesOf(after), Is.EqualTo(newer.Content));
            Assert.That(BytesOf(fromDisk), Is.EqualTo(newer.Content));
            Assert.That(newer.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    [Description("Memory tier off (cache.memory.maxSizeMegabytes: 0) and disk off: every lookup renders.")]
    public async Task GetOrRender_NoLocalTiers_AlwaysRenders()
    {
        _fixture.Options.Memory.MaxSizeMegabytes = 0;
        _fixture.Options.Derivatives.Enabled = false;
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(100);

        using var a = await GetAsync(cache, Key(), renderer);
        using var b = await GetAsync(cache, Key(), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(renderer.Calls, Is.EqualTo(2));
            Assert.That(cache.GetStatistics(), Is.Empty);
            Assert.That(Directory.Exists(_fixture.Root), Is.False);
        });
    }

    [Test]
    [Description("Items over CacheMemoryOptions.MaxItemBytes skip memory; disk entries over 16 MB stream from an open file.")]
    public async Task GetOrRender_LargeItem_NotInMemoryAndServedAsFile()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer((int)DiskDerivativeStoreTestSizes.OverFullRead);

        using var _ = await GetAsync(cache, Key(), renderer);
        using var second = await GetAsync(cache, Key(), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(second.Tier, Is.EqualTo(CacheTier.Disk));
            Assert.That(second.File, Is.Not.Null);
            Assert.That(second.Length, Is.EqualTo(renderer.Content.Length));
            Assert.That(BytesOf(second), Is.EqualTo(renderer.Content));
        });
    }

    [Test]
    [Description("Statistics report entries, bytes, hits and misses per tier.")]
    public async Task GetStatistics_AfterMissAndHit_CountsPerTier()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(500);
        using var _ = await GetAsync(cache, Key(), renderer);
        using var __ = await GetAsync(cache, Key(), renderer);

        var stats = cache.GetStatistics().ToDictionary(s => s.Tier);

        Assert.Multiple(() =>
        {
            Assert.That(stats["memory"].Hits, Is.EqualTo(1));
            Assert.That(stats["memory"].Misses, Is.EqualTo(1));
            Assert.That(stats["memory"].Bytes, Is.EqualTo(500));
            Assert.That(stats["disk"].Misses, Is.EqualTo(1));
            Assert.That(stats["disk"].Entries, Is.EqualTo(1));
            Assert.That(stats["disk"].Bytes, Is.EqualTo(500));
            Assert.That(stats["disk"].Cache, Is.EqualTo("derivatives"));
        });
    }

    internal static Task WaitForSharedAsync(IDistributedCache shared, Iiif.Caching.Derivatives.DerivativeKey key) =>
        // The shared write runs in the background after the render is served: wait until it has landed.
        Until.TrueAsync(async () => await shared.GetAsync(SharedDerivativeTier.KeyOf(DerivativeId.For(key))) is not null,
            "the derivative in the shared tier");
}

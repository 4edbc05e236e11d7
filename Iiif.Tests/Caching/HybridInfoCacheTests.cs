using Iiif.Caching;
using Iiif.Caching.Info;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Iiif.Tests.Caching;

[TestFixture]
public sealed class HybridInfoCacheTests
{
    private static readonly SourceVersion V1 = DerivativeCacheFixture.Version1;
    private static readonly SourceVersion V2 = DerivativeCacheFixture.Version2;
    private FakeTimeProvider _time = null!;
    private int _identifies;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        _identifies = 0;
    }

    [Test]
    [Description("A miss identifies; the same identifier and version is then a memory hit.")]
    public async Task GetOrAdd_SecondLookup_MemoryHit()
    {
        using var cache = Create();

        var first = await GetAsync(cache, "a", V1);
        var second = await GetAsync(cache, "a", V1);

        var memory = cache.GetStatistics().Single();
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(_identifies, Is.EqualTo(1));
            Assert.That((memory.Cache, memory.Tier, memory.Hits, memory.Misses, memory.Entries), Is.EqualTo(("info", "memory", 1L, 1L, (long?)1)));
        });
    }

    [Test]
    [Description("A changed source version is never described by stale facts.")]
    public async Task GetOrAdd_VersionChanged_IdentifiesAgain()
    {
        using var cache = Create();

        await GetAsync(cache, "a", V1);
        await GetAsync(cache, "a", V2);

        Assert.That(_identifies, Is.EqualTo(2));
    }

    [Test]
    [Description("RemoveAsync forgets every version of one identifier; ClearAsync forgets everything.")]
    public async Task RemoveAndClear_ForgetEntries()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        using var cache = Create(shared: shared);
        await GetAsync(cache, "a", V1);
        await GetAsync(cache, "a", V2);
        await GetAsync(cache, "b", V1);

        _time.Advance(TimeSpan.FromSeconds(1));
        await cache.RemoveAsync("a", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await GetAsync(cache, "a", V1);
        await GetAsync(cache, "a", V2);
        await GetAsync(cache, "b", V1);
        var afterRemove = _identifies;
        await cache.ClearAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await GetAsync(cache, "b", V1);

        Assert.Multiple(() =>
        {
            Assert.That(afterRemove, Is.EqualTo(5), "a's two versions identified again, b kept");
            Assert.That(_identifies, Is.EqualTo(6));
        });
    }

    [Test]
    [Description("The memory tier holds at most cache.info.maxEntries entries (each counts 1).")]
    public async Task GetOrAdd_OverEntryLimit_MemoryStaysWithinLimit()
    {
        using var cache = Create(o => o.Info.MaxEntries = 3);

        for (var i = 0; i < 10; i++)
        {
            await GetAsync(cache, $"id{i}", V1);
        }

        // Eviction callbacks run on the thread pool after the entry has gone, so the count is waited for too.
        await Until.TrueAsync(() => cache.GetStatistics().Single() is { Entries: <= 3, Evictions: > 0 } m && m.Bytes == m.Entries * 312, "the info cache compacted to its 3 entries");
        var memory = cache.GetStatistics().Single();
        Assert.Multiple(() =>
        {
            Assert.That(memory.Entries, Is.LessThanOrEqualTo(3));
            Assert.That(memory.Evictions, Is.GreaterThan(0));
            Assert.That(memory.Bytes, Is.EqualTo(memory.Entries * (300 + (4 * "id0".Length))), "estimated bytes follow the entries");
        });
    }

    [Test]
    [Description("Entries expire after cache.info.ttl, by the injected clock.")]
    public async Task GetOrAdd_AfterTimeToLive_IdentifiesAgain()
    {
        using var cache = Create(o => o.Info.Ttl = 300);
        await GetAsync(cache, "a", V1);

        _time.Advance(TimeSpan.FromMinutes(6));
        await GetAsync(cache, "a", V1);

        Assert.That(_identifies, Is.EqualTo(2));
    }

    [Test]
    [Description("Concurrent misses of one key identify once (stampede protection).")]
    public async Task GetOrAdd_ConcurrentMisses_IdentifyOnce()
    {
        using var cache = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 20).Select(_ => cache.GetOrAddAsync("a", V1, async ct =>
        {
            Interlocked.Increment(ref _identifies);
            entered.TrySetResult();
            await gate.Task.WaitAsync(ct);
            return Info(7);
        }, CancellationToken.None).AsTask()).ToList();
        await entered.Task.WaitAsync(Until.DefaultDeadline);
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Multiple(() =>
        {
            Assert.That(_identifies, Is.EqualTo(1));
            Assert.That(results, Has.All.EqualTo(Info(7)));
        });
    }

    [Test]
    [Description("A second instance finds in the shared tier what the first identified, and counts a shared hit.")]
    public async Task GetOrAdd_OtherInstanceIdentified_SharedHit()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        using var first = Create(shared: shared);
        using var second = Create(shared: shared);

        var original = await GetAsync(first, "a", V1);
        var fromShared = await GetAsync(second, "a", V1);

        var stats = second.GetStatistics().Single(s => s.Tier == "shared");
        Assert.Multiple(() =>
        {
            Assert.That(fromShared, Is.EqualTo(original));
            Assert.That(_identifies, Is.EqualTo(1));
            Assert.That(stats.Hits, Is.EqualTo(1));
        });
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    [Description("The shared-tier serializer round-trips every field, with and without a native tile size.")]
    public void Serializer_RoundTrips(bool tiled, bool grayscale)
    {
        var info = new ImageInfo(12345, 678, 6, tiled ? new PixelSize(256, 512) : null, grayscale);
        var serializer = new ImageInfoSerializer();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        serializer.Serialize(info, buffer);

        Assert.That(serializer.Deserialize(new System.Buffers.ReadOnlySequence<byte>(buffer.WrittenMemory)), Is.EqualTo(info));
    }

    [Test]
    [Description("A TIFF pyramid's own level sizes (rounded down by vips) survive the shared tier.")]
    public void Serializer_RoundTripsLevelSizes()
    {
        var info = new ImageInfo(10000, 7500, 3, new PixelSize(256, 256), false)
        {
            LevelSizes = [new PixelSize(10000, 7500), new PixelSize(5000, 3750), new PixelSize(2500, 1875)],
        };
        var serializer = new ImageInfoSerializer();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        serializer.Serialize(info, buffer);
        var copy = serializer.Deserialize(new System.Buffers.ReadOnlySequence<byte>(buffer.WrittenMemory));

        Assert.That(copy, Is.EqualTo(info));
        Assert.That(copy.LevelSizes, Is.EqualTo(info.LevelSizes));
    }

    private static ImageInfo Info(int seed) => new(100 + seed, 200 + seed, 3, new PixelSize(256, 256), false);

    private HybridInfoCache Create(Action<CachingOptions>? configure = null, IDistributedCache? shared = null)
    {
        var options = new CachingOptions();
        configure?.Invoke(options);
        return new HybridInfoCache(Options.Create(options), _time, new CapturingLogger<HybridInfoCache>(), shared);
    }

    private async Task<ImageInfo> GetAsync(HybridInfoCache cache, string identifier, SourceVersion version) =>
        await cache.GetOrAddAsync(identifier, version, _ =>
        {
            var n = Interlocked.Increment(ref _identifies);
            return ValueTask.FromResult(Info(n));
        }, CancellationToken.None);
}

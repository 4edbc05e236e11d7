using Iiif.Caching.Derivatives;
using Iiif.Core.Diagnostics;
using Iiif.Tests.TestUtilities;
using static Iiif.Tests.Caching.DerivativeCacheFixture;

namespace Iiif.Tests.Caching;

/// <summary>The memory tiers stay within their budgets by evicting the least recently used entries (never by clearing
/// everything), and report entries, bytes and evictions.</summary>
[TestFixture]
public sealed class CacheBudgetTests
{
    private DerivativeCacheFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new DerivativeCacheFixture(o =>
    {
        o.Memory.MaxSizeMegabytes = 1;
        o.Derivatives.Enabled = false;
    });

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    public async Task MemoryTier_OverBudget_EvictsLeastRecentlyUsed()
    {
        using var memoryTier = new MemoryDerivativeTier(_fixture.Options, _fixture.Time);
        using var cache = _fixture.CreateCache(memoryTier);
        var renderer = new CountingRenderer(40_000);
        for (var i = 0; i < 30; i++)
        {
            using (await GetAsync(cache, Key(request: $"r{i}"), renderer))
            {
            }

            _fixture.Time.Advance(TimeSpan.FromSeconds(1));
            // r0 is read after every render: the most recently used entry, whatever else comes in.
            using (await GetAsync(cache, Key(request: "r0"), renderer))
            {
            }
        }

        // The 27th entry is refused and starts a compaction on the thread pool; until that has run nothing was evicted
        // (an eviction count alone also counts the refusal). Compaction takes the least recently used first: r1.
        await Until.TrueAsync(() => !memoryTier.Holds(Key(request: "r1")) && Memory(cache).Evictions > 0, "the memory tier compacted away its least recently used entry");
        var memory = Memory(cache);
        using var r0 = await GetAsync(cache, Key(request: "r0"), renderer);
        using var r1 = await GetAsync(cache, Key(request: "r1"), renderer);
        Assert.Multiple(() =>
        {
            Assert.That(memory.Bytes, Is.LessThanOrEqualTo(1024 * 1024).And.GreaterThan(512 * 1024), "compacted, not cleared");
            Assert.That(memory.Evictions, Is.GreaterThan(0));
            Assert.That(memory.Entries, Is.EqualTo(memory.Bytes / 40_000));
            Assert.That(r0.Tier, Is.EqualTo(CacheTier.Memory), "recently used kept");
            Assert.That(r1.Tier, Is.EqualTo(CacheTier.Rendered), "least recently used evicted");
        });
    }

    [Test]
    [Description("Entries over a twentieth of the tier skip it, so a refused entry always starts a compaction.")]
    public async Task MemoryTier_ItemOverTwentiethOfBudget_NotKept()
    {
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(60_000);

        using (await GetAsync(cache, Key(), renderer))
        {
        }

        using var again = await GetAsync(cache, Key(), renderer);
        Assert.That(again.Tier, Is.EqualTo(CacheTier.Rendered));
    }

    private static CacheStatistics Memory(TieredDerivativeCache cache) =>
        cache.GetStatistics().Single(s => s.Tier == "memory");
}

using Iiif.Caching.Derivatives;
using Iiif.Core.Diagnostics;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.Logging;

namespace Iiif.Tests.Caching;

/// <summary>Issue #14: derivative writes leave the request path through a bounded queue; a full queue skips and counts,
/// never delays; shutdown drains or drops with a log line.</summary>
[TestFixture]
public sealed class WriteBehindTierTests
{
    private static readonly DerivativeMetadata Jpeg = new("image/jpeg", "\"e\"", false);

    [Test]
    public async Task A_slow_tier_does_not_delay_the_store()
    {
        var slow = new GatedTier();
        await using var tier = Create(slow, maxBytes: 1_000);

        var store = tier.StoreAsync(Address("a"), Entry(100));

        Assert.That(store.IsCompleted, Is.True, "the store returned while the inner tier still blocks");
        Assert.That(await store, Is.True);
        slow.Release();
        await Until.TrueAsync(() => Statistics(tier).Hits == 1, "the queued write to reach the inner tier");
        Assert.That(slow.Stored, Is.EqualTo(new[] { "a" }));
        Assert.That(Statistics(tier) with { Hits = 0 }, Is.EqualTo(new CacheStatistics(WriteBehindTier.CacheName, "disk", 0, 0, 0, 0, 0)));
    }

    [Test]
    public async Task A_full_queue_skips_the_write_and_counts_it()
    {
        var slow = new GatedTier();
        await using var tier = Create(slow, maxBytes: 150);

        var first = await tier.StoreAsync(Address("a"), Entry(100));
        var store = tier.StoreAsync(Address("b"), Entry(100));

        Assert.That(store.IsCompleted, Is.True, "a skipped write does not wait either");
        Assert.That((first, await store), Is.EqualTo((true, false)), "the skipped write says it was not kept");
        Assert.That(Statistics(tier), Is.EqualTo(new CacheStatistics(WriteBehindTier.CacheName, "disk", 1, 100, 0, 1, 0)));
        slow.Release();
        await Until.TrueAsync(() => Statistics(tier).Hits == 1, "the queued write");
        Assert.That(await tier.StoreAsync(Address("c"), Entry(100)), Is.True, "room again once written");
        await Until.TrueAsync(() => Statistics(tier).Hits == 2, "the second write");
        Assert.That(slow.Stored, Is.EqualTo(new[] { "a", "c" }));
    }

    [Test]
    public async Task Shutdown_drains_the_queue_and_says_so()
    {
        var slow = new GatedTier();
        var logger = new CapturingLogger<WriteBehindTier>();
        var tier = Create(slow, maxBytes: 1_000, logger: logger, drain: TimeSpan.FromSeconds(60));
        await tier.StoreAsync(Address("a"), Entry(10));
        await tier.StoreAsync(Address("b"), Entry(10));

        var disposing = tier.DisposeAsync().AsTask();
        slow.Release();
        await disposing;

        Assert.That(slow.Stored, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(logger.Entries.Select(e => e.Message), Has.One.Contains("queue drained at shutdown (2 written"));
        Assert.That(await tier.StoreAsync(Address("c"), Entry(10)), Is.False, "no writes after shutdown");
    }

    [Test]
    public async Task Shutdown_that_runs_out_of_time_drops_the_rest_with_a_warning()
    {
        var stuck = new GatedTier();
        var logger = new CapturingLogger<WriteBehindTier>();
        var tier = Create(stuck, maxBytes: 1_000, logger: logger, drain: TimeSpan.FromMilliseconds(50));
        await tier.StoreAsync(Address("a"), Entry(10));
        await tier.StoreAsync(Address("b"), Entry(20));

        await tier.DisposeAsync();

        var warning = logger.Entries.Single(e => e.Level == LogLevel.Warning).Message;
        Assert.That(warning, Does.Contain("2 queued writes (30 bytes) dropped at shutdown"));
        Assert.That(Statistics(tier).Evictions, Is.EqualTo(2));
        stuck.Release();
    }

    [Test]
    public async Task Writes_queued_before_a_purge_are_dropped_not_written_after_it()
    {
        var slow = new GatedTier();
        await using var tier = Create(slow, maxBytes: 1_000);
        await tier.StoreAsync(Address("a"), Entry(10));
        await tier.StoreAsync(Address("b"), Entry(10));
        await Until.TrueAsync(() => slow.Started, "the writer to take the first write");

        tier.Purge("b", profilesOnly: false);
        slow.Release();

        await Until.TrueAsync(() => Statistics(tier).Entries == 0, "the queue to empty");
        Assert.That(slow.Stored, Is.EqualTo(new[] { "a" }), "the write under way when the purge came finishes; the next is dropped");
        Assert.That(Statistics(tier).Evictions, Is.EqualTo(1));
    }

    [Test]
    public async Task An_unhealthy_tier_is_written_through_so_the_caller_learns_the_outcome()
    {
        var failing = new GatedTier { Result = false };
        failing.Release();
        await using var tier = Create(failing, maxBytes: 1_000, writeThrough: () => true);

        Assert.That(await tier.StoreAsync(Address("a"), Entry(10)), Is.False);
        Assert.That(failing.Stored, Is.EqualTo(new[] { "a" }));
        Assert.That(Statistics(tier).Hits, Is.Zero, "not through the queue");
    }

    private static WriteBehindTier Create(IDerivativeTier inner, long maxBytes, Func<bool>? writeThrough = null,
        TimeSpan? drain = null, ILogger? logger = null) =>
        new(inner, maxBytes, writeThrough ?? (() => false), drain ?? TimeSpan.FromSeconds(10), logger ?? new CapturingLogger<WriteBehindTier>());

    private static CacheStatistics Statistics(WriteBehindTier tier) => ((ICacheStatisticsSource)tier).GetStatistics().Single();

    private static DerivativeAddress Address(string request) => new(DerivativeCacheFixture.Key(request: request));

    private static DerivativeEntry Entry(int bytes) => new(Jpeg, new byte[bytes]);

    /// <summary>A tier whose stores wait until the test releases them, recording each store's request in order.</summary>
    private sealed class GatedTier : IDerivativeTier
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _stored = [];
        private volatile bool _started;

        public bool Result { get; init; } = true;

        public bool Started => _started;

        public string[] Stored
        {
            get
            {
                lock (_stored)
                {
                    return [.. _stored];
                }
            }
        }

        public CacheTier Tier => CacheTier.Disk;

        public bool Enabled => true;

        public void Release() => _gate.TrySetResult();

        public ValueTask<CachedDerivative?> TryGetAsync(DerivativeAddress address, CancellationToken cancellationToken) => ValueTask.FromResult<CachedDerivative?>(null);

        public async ValueTask<bool> StoreAsync(DerivativeAddress address, DerivativeEntry entry)
        {
            _started = true;
            await _gate.Task;
            lock (_stored)
            {
                _stored.Add(address.Key.Request);
            }

            return Result;
        }

        public IReadOnlyCollection<string> Purge(string identifier, bool profilesOnly) => [];

        public IReadOnlyCollection<string> PurgeAll() => [];

        public CacheStatistics GetStatistics() => new("derivatives", "disk", 0, 0, 0, 0);
    }
}

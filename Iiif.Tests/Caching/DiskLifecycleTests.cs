using Iiif.Caching.Derivatives;
using Iiif.Caching.Derivatives.Disk;
using static Iiif.Tests.Caching.DerivativeCacheFixture;

namespace Iiif.Tests.Caching;

[TestFixture]
public sealed class DiskLifecycleTests
{
    private DerivativeCacheFixture _fixture = null!;

    [SetUp]
    public void SetUp() => _fixture = new DerivativeCacheFixture(o => o.Memory.MaxSizeMegabytes = 0);

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    [Test]
    [Description("Over cache.derivatives.maxSizeMegabytes the least recently served entries go first, until the disk is under the cap.")]
    public async Task GetOrRender_OverDiskCap_EvictsLeastRecentlyServed()
    {
        _fixture.Options.Derivatives.MaxSizeMegabytes = 5;
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(1_000_000);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await GetAsync(cache, Key(request: $"r{i}"), renderer);
            _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }

        using (await GetAsync(cache, Key(request: "r0"), renderer))
        {
            // r0 served last: r1 is now the least recently served.
        }

        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        using (await GetAsync(cache, Key(request: "r5"), renderer))
        {
        }

        var total = _fixture.DataFiles().Sum(f => new FileInfo(f).Length);
        Assert.Multiple(() =>
        {
            Assert.That(total, Is.LessThanOrEqualTo(5 * 1024 * 1024));
            Assert.That(File.Exists(_fixture.DataPath(Key(request: "r1"))), Is.False, "least recently served evicted");
            Assert.That(File.Exists(_fixture.DataPath(Key(request: "r0"))), Is.True, "recently served kept");
            Assert.That(File.Exists(_fixture.DataPath(Key(request: "r5"))), Is.True, "newest kept");
            Assert.That(cache.GetStatistics().Single(s => s.Tier == "disk").Bytes, Is.EqualTo(total));
            Assert.That(cache.GetStatistics().Single(s => s.Tier == "disk").Evictions, Is.EqualTo(2), "r1 and r2, down to 90 % of the cap");
        });
    }

    [Test]
    [Description("A new cache over the same folder sees existing entries and their persisted last-served times.")]
    public async Task Restart_SameFolder_IndexHasEntriesAndLastServed()
    {
        var renderer = new CountingRenderer(1000);
        using (var cache = _fixture.CreateCache())
        {
            using var _ = await GetAsync(cache, Key(request: "a"), renderer);
            using var __ = await GetAsync(cache, Key(request: "b"), renderer);
            _fixture.Time.Advance(TimeSpan.FromMinutes(10));
            using var ___ = await GetAsync(cache, Key(request: "a"), renderer);
        }

        var store = _fixture.CreateStore();
        await store.WaitForIndexAsync();

        Assert.Multiple(() =>
        {
            Assert.That(store.Index.Count, Is.EqualTo(2));
            Assert.That(store.Index.TotalBytes, Is.EqualTo(2000));
            Assert.That(store.Index.TryGet(_fixture.DataPath(Key(request: "a")), out var a), Is.True);
            Assert.That(a.LastServed, Is.EqualTo(_fixture.Time.GetUtcNow()));
            Assert.That(store.Index.TryGet(_fixture.DataPath(Key(request: "b")), out var b), Is.True);
            Assert.That(b.LastServed, Is.EqualTo(_fixture.Time.GetUtcNow() - TimeSpan.FromMinutes(10)));
        });
    }

    [Test]
    [Description("Purge by identifier deletes its entries (all, or only profile ones) and leaves other identifiers alone.")]
    public async Task Purge_ByIdentifier_RemovesOnlyThatIdentifier([Values] bool profilesOnly)
    {
        _fixture.Options.Memory.MaxSizeMegabytes = 1;
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(100);
        using (await GetAsync(cache, Key("x", "profile"), renderer, ProfileJpeg))
        using (await GetAsync(cache, Key("x", "other"), renderer))
        using (await GetAsync(cache, Key("y", "other"), renderer))
        {
        }

        var removed = await cache.PurgeAsync("x", profilesOnly, CancellationToken.None);
        using var profile = await GetAsync(cache, Key("x", "profile"), renderer, ProfileJpeg);
        using var other = await GetAsync(cache, Key("x", "other"), renderer);
        using var untouched = await GetAsync(cache, Key("y", "other"), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(profilesOnly ? 1 : 2));
            Assert.That(profile.Tier, Is.EqualTo(CacheTier.Rendered));
            Assert.That(other.Tier, Is.EqualTo(profilesOnly ? CacheTier.Memory : CacheTier.Rendered));
            Assert.That(untouched.Tier, Is.EqualTo(CacheTier.Memory));
        });
    }

    [Test]
    [Description("Purge all empties the memory and disk tiers.")]
    public async Task PurgeAll_RemovesEverything()
    {
        _fixture.Options.Memory.MaxSizeMegabytes = 1;
        using var cache = _fixture.CreateCache();
        var renderer = new CountingRenderer(100);
        using (await GetAsync(cache, Key("x"), renderer))
        using (await GetAsync(cache, Key("y"), renderer))
        {
        }

        var removed = await cache.PurgeAllAsync(CancellationToken.None);
        using var again = await GetAsync(cache, Key("x"), renderer);

        Assert.Multiple(() =>
        {
            Assert.That(removed, Is.EqualTo(2));
            Assert.That(again.Tier, Is.EqualTo(CacheTier.Rendered));
            Assert.That(_fixture.DataFiles().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    [Description("The cleaner deletes other entries after cache.clean.randomImage, keeps profile entries until cache.clean.profileImage, removes empty folders.")]
    public async Task Clean_ByAge_DeletesOldOtherThenProfileAndEmptyFolders()
    {
        _fixture.Options.Clean.RandomImage = (int)TimeSpan.FromDays(1).TotalSeconds;
        _fixture.Options.Clean.ProfileImage = (int)TimeSpan.FromDays(30).TotalSeconds;
        var store = _fixture.CreateStore();
        using var cache = _fixture.CreateCache(store);
        var cleaner = _fixture.CreateCleaner(store);
        var renderer = new CountingRenderer(100);
        using (await GetAsync(cache, Key("p", "profile"), renderer, ProfileJpeg))
        using (await GetAsync(cache, Key("o", "other"), renderer))
        {
        }

        _fixture.Time.Advance(TimeSpan.FromDays(2));
        var first = await cleaner.CleanAsync(CancellationToken.None);
        var otherFolderGone = !Directory.Exists(Path.GetDirectoryName(_fixture.DataPath(Key("o", "other"))));
        var profileKept = File.Exists(_fixture.DataPath(Key("p", "profile")));
        _fixture.Time.Advance(TimeSpan.FromDays(29));
        var second = await cleaner.CleanAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new CleanReport(2, 1, 100, 2)));
            Assert.That(otherFolderGone, Is.True);
            Assert.That(profileKept, Is.True);
            Assert.That(second, Is.EqualTo(new CleanReport(1, 1, 100, 2)));
            Assert.That(Directory.EnumerateFileSystemEntries(store.Layout.DerivativesRoot), Is.Empty);
            Assert.That(store.Index.Count, Is.Zero);
        });
    }

    [Test]
    [Description("Recently served entries survive the cleaner: age counts from last served (index), not from creation.")]
    public async Task Clean_RecentlyServed_Kept()
    {
        var store = _fixture.CreateStore();
        using var cache = _fixture.CreateCache(store);
        var renderer = new CountingRenderer(100);
        using (await GetAsync(cache, Key(), renderer))
        {
        }

        _fixture.Time.Advance(TimeSpan.FromHours(23));
        using (await GetAsync(cache, Key(), renderer))
        {
        }

        _fixture.Time.Advance(TimeSpan.FromHours(23));
        var report = await _fixture.CreateCleaner(store).CleanAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(report.Deleted, Is.Zero);
            Assert.That(File.Exists(_fixture.DataPath(Key())), Is.True);
        });
    }

    [Test]
    [Description("Zero clean ages mean never delete.")]
    public async Task Clean_ZeroAges_DeletesNothing()
    {
        _fixture.Options.Clean.RandomImage = 0;
        _fixture.Options.Clean.ProfileImage = 0;
        var store = _fixture.CreateStore();
        using var cache = _fixture.CreateCache(store);
        using (await GetAsync(cache, Key("o"), new CountingRenderer(100)))
        using (await GetAsync(cache, Key("p"), new CountingRenderer(100), ProfileJpeg))
        {
        }

        _fixture.Time.Advance(TimeSpan.FromDays(3650));
        var report = await _fixture.CreateCleaner(store).CleanAsync(CancellationToken.None);

        Assert.That(report, Is.EqualTo(new CleanReport(2, 0, 0, 0)));
    }

    [Test]
    [Description("Orphans (data without sidecar) and stale temp files are deleted; fresh temp files are left to their writer.")]
    public async Task Clean_OrphansAndStaleTemps_Deleted()
    {
        var store = _fixture.CreateStore();
        using var cache = _fixture.CreateCache(store);
        using (await GetAsync(cache, Key(), new CountingRenderer(100)))
        {
        }

        var dataPath = _fixture.DataPath(Key());
        File.Delete(DiskLayout.MetaPathOf(dataPath));
        var folder = Path.GetDirectoryName(dataPath)!;
        var stale = Path.Combine(folder, "x.bin.1.tmp");
        var fresh = Path.Combine(folder, "x.bin.2.tmp");
        File.WriteAllText(stale, "partial");
        File.WriteAllText(fresh, "partial");
        File.SetLastWriteTimeUtc(stale, _fixture.Time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(2));
        File.SetLastWriteTimeUtc(fresh, _fixture.Time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(20));

        var report = await _fixture.CreateCleaner(store).CleanAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(report.Deleted, Is.EqualTo(1));
            Assert.That(File.Exists(dataPath), Is.False);
            Assert.That(File.Exists(stale), Is.False);
            Assert.That(File.Exists(fresh), Is.True);
        });
    }
}

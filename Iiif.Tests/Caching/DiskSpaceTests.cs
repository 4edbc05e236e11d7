using Iiif.Caching;
using Iiif.Caching.Derivatives;
using Iiif.Caching.Derivatives.Disk;
using Iiif.Core.Diagnostics;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Iiif.Tests.Caching.DerivativeCacheFixture;

namespace Iiif.Tests.Caching;

/// <summary>Issue #13: the disk tier on a really full, or read-only, small filesystem (tmpfs): a failing store leaves no
/// temp file, is logged once per interval with the reason (no stack trace), is reported in the tier's health, and a
/// disk full of the cache's own entries is made room on by evicting the least recently served.</summary>
[TestFixture]
[NonParallelizable]
public class DiskSpaceTests
{
    private const int EntryBytes = 100 * 1024;

    private FakeTimeProvider _time = null!;
    private CapturingLogger<DiskDerivativeStore> _logger = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        _logger = new CapturingLogger<DiskDerivativeStore>();
    }

    [Test]
    public async Task Write_DiskFullOfOtherFiles_FailsLeavingNoTempFileLoggedOncePerInterval()
    {
        using var disk = SmallFilesystem.Mount(1024);
        disk.FillLeaving(16 * 1024);
        var store = Store(disk.Path);

        var stored = new List<bool>();
        for (var i = 0; i < 20; i++)
        {
            stored.Add(await WriteAsync(store, i));
        }

        var warningsWithinInterval = Warnings();
        _time.Advance(DiskHealth.LogInterval);
        stored.Add(await WriteAsync(store, 20));

        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.All.False);
            Assert.That(TempFiles(disk.Path), Is.Empty, "a failed store leaves no *.tmp behind");
            Assert.That(warningsWithinInterval, Has.Count.EqualTo(1));
            Assert.That(warningsWithinInterval[0], Does.Contain("no space left"));
            Assert.That(Warnings(), Has.Count.EqualTo(2));
            Assert.That(Warnings()[1], Does.Contain("20 store(s) failed"), "the next line counts what the interval held back");
            Assert.That(Warnings(), Has.None.Contain("Exception").And.None.Contain("\n"), "the reason, not a stack trace");
            Assert.That(store.Health.Snapshot().State, Is.EqualTo(CacheTierStates.Full));
            Assert.That(store.Health.Snapshot().Failures, Is.EqualTo(21));
        });
    }

    [Test]
    [Description("The cap (20 GB here) is far away, but the filesystem is full: the oldest entries go to make room.")]
    public async Task Write_DiskFullOfCacheEntries_EvictsLeastRecentlyServedAndStores()
    {
        using var disk = SmallFilesystem.Mount(1024);
        var store = Store(disk.Path, maxMegabytes: 20 * 1024);

        var stored = new List<bool>();
        for (var i = 0; i < 30; i++)
        {
            stored.Add(await WriteAsync(store, i));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.All.True, "3 MB went into 1 MB: every store made room for itself");
            Assert.That(File.Exists(store.Layout.DataPath(DerivativeId.For(KeyOf(29)))), Is.True, "the newest entry is kept");
            Assert.That(File.Exists(store.Layout.DataPath(DerivativeId.For(KeyOf(0)))), Is.False, "the oldest went first");
            Assert.That(TempFiles(disk.Path), Is.Empty);
            Assert.That(store.Health.Snapshot().State, Is.EqualTo(CacheTierStates.Ok));
            Assert.That(_logger.Entries.Select(e => e.Message), Has.Some.Contains("to make room"));
        });
    }

    [Test]
    public async Task Write_BelowMinimumFreeSpace_EvictsBeforeTheDiskIsFull()
    {
        using var disk = SmallFilesystem.Mount(2048);
        var store = Store(disk.Path, minFreeMegabytes: 1);

        for (var i = 0; i < 15; i++)
        {
            Assert.That(await WriteAsync(store, i), Is.True);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(store.Health.Snapshot().Failures, Is.Zero, "no store ever found the disk full");
        Assert.That(new DriveInfo(disk.Path).AvailableFreeSpace, Is.GreaterThan(900 * 1024));
    }

    [Test]
    public async Task Probe_ReadOnlyFilesystem_UnwritableWithTheReason()
    {
        using var disk = SmallFilesystem.MountReadOnly();
        var store = Store(Path.Combine(disk.Path, "cache"));

        var probe = store.ProbeWritable();
        var stored = await WriteAsync(store, 0);

        var health = store.Health.Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(probe, Is.Not.Null);
            Assert.That(stored, Is.False);
            Assert.That(health.State, Is.EqualTo(CacheTierStates.Unwritable));
            Assert.That(health.Reason, Does.Contain("read-only"));
            Assert.That(Warnings(), Has.Count.EqualTo(1), "the probe and the store: one line");
        });
    }

    [Test]
    [Description("Temp files a crash (or, before, a full disk) left behind are deleted at start-up; a fresh one belongs to a writer.")]
    public async Task Start_StaleTempFiles_Removed()
    {
        using var fixture = new DerivativeCacheFixture();
        var folder = Path.Combine(fixture.Root, "derivatives", "ab", "abcd");
        Directory.CreateDirectory(folder);
        var stale = Path.Combine(folder, "e.bin.1.tmp");
        var fresh = Path.Combine(folder, "e.bin.2.tmp");
        File.WriteAllBytes(stale, []);
        File.WriteAllBytes(fresh, []);
        File.SetLastWriteTimeUtc(stale, _time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(3));
        File.SetLastWriteTimeUtc(fresh, _time.GetUtcNow().UtcDateTime);
        var store = Store(fixture.Root);

        await store.WaitForIndexAsync();

        Assert.That(File.Exists(stale), Is.False);
        Assert.That(File.Exists(fresh), Is.True);
        Assert.That(_logger.Entries.Select(e => e.Message), Has.Some.Contains("Removed 1 temporary file"));
    }

    private static DerivativeKey KeyOf(int i) => Key(identifier: "img" + i);

    private static Task<bool> WriteAsync(DiskDerivativeStore store, int i) =>
        store.WriteAsync(KeyOf(i), DerivativeId.For(KeyOf(i)), new DerivativeEntry(Jpeg, new byte[EntryBytes]));

    private static List<string> TempFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*" + DiskLayout.TempExtension, SearchOption.AllDirectories)];

    private List<string> Warnings() => [.. _logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message)];

    private DiskDerivativeStore Store(string root, int maxMegabytes = 0, int minFreeMegabytes = 0) =>
        new(Microsoft.Extensions.Options.Options.Create(new CachingOptions
            {
                Root = root,
                Derivatives = new CacheDerivativesOptions { MaxSizeMegabytes = maxMegabytes, MinFreeMegabytes = minFreeMegabytes },
            }),
            _time, _logger);
}

using static Iiif.Tests.Imaging.Sources.TempSourceRoot;

namespace Iiif.Tests.Imaging.Sources;

/// <summary>The short reuse of a resolved path never serves stale facts: the version is read on every call, a removed
/// file is noticed at once, and a new better-ranked candidate is found once the reuse time is over.</summary>
[TestFixture]
public class FileSystemResolutionReuseTests
{
    private TempSourceRoot _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempSourceRoot();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [Description("Issue #5: a source replaced on disk gets a new version at once, even while its path is reused.")]
    public async Task ResolveAsync_FileReplacedWithinReuse_ReportsNewVersion()
    {
        var path = _folder.Write("a.jp2", [1, 2, 3]);
        var source = _folder.Source();
        var before = await ResolveAsync(source, "a");

        File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        var after = await ResolveAsync(source, "a");

        Assert.That(after!.Version, Is.Not.EqualTo(before!.Version));
        Assert.That(after.Version.Length, Is.EqualTo(5));
    }

    [Test]
    [Description("A source deleted while its path is reused is unknown at once (404), not served from the old path.")]
    public async Task ResolveAsync_FileDeletedWithinReuse_ReturnsNull()
    {
        var path = _folder.Write("a.jp2");
        var source = _folder.Source();
        Assert.That(await ResolveAsync(source, "a"), Is.Not.Null);

        File.Delete(path);

        Assert.That(await ResolveAsync(source, "a"), Is.Null);
    }

    [Test]
    [Description("The resolved paths are a bounded LRU reporting its entries, bytes, hits and misses as the resolved-paths cache.")]
    public async Task GetStatistics_AfterRepeats_CountsHitsAndMisses()
    {
        _folder.Write("a.jp2");
        var source = _folder.Source();

        for (var i = 0; i < 3; i++)
        {
            await ResolveAsync(source, "a");
        }

        await ResolveAsync(source, "missing");
        var statistics = source.GetStatistics().Single();

        Assert.Multiple(() =>
        {
            Assert.That(statistics.Cache, Is.EqualTo("resolved-paths"));
            Assert.That(statistics.Entries, Is.EqualTo(1));
            Assert.That(statistics.Bytes, Is.GreaterThan(2 * _folder.Root.Length));
            Assert.That(statistics.Hits, Is.EqualTo(2));
            Assert.That(statistics.Misses, Is.EqualTo(2));
            Assert.That(statistics.Evictions, Is.Zero);
        });
    }
}

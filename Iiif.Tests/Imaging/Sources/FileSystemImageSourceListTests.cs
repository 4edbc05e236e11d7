using Iiif.Imaging.Sources;
using static Iiif.Tests.Imaging.Sources.TempSourceRoot;

namespace Iiif.Tests.Imaging.Sources;

[TestFixture]
public class FileSystemImageSourceListTests
{
    private TempSourceRoot _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempSourceRoot();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [Description("Simple: known extensions only, recursively, hidden files skipped, one entry per id, ordinal order.")]
    public async Task ListAsync_Simple_ListsKnownImagesInStableOrder()
    {
        foreach (var file in new[] { "b.png", "a.jp2", "a.tif", "sub/c.tif", "sub/deeper/d.jpg", "B.gif", "notes.txt",
                     ".hidden.jp2", ".hiddendir/e.jp2", "noextension", "f.JP2" })
        {
            _folder.Write(file);
        }

        var listed = await ListAsync(_folder.Source());

        Assert.That(listed, Is.EqualTo(new[] { "B", "a", "b", "sub/c", "sub/deeper/d" }));
    }

    [Test]
    public async Task ListAsync_MoreThanMaximum_StopsAtMaximum()
    {
        foreach (var name in new[] { "d", "c", "b", "a", "e" })
        {
            _folder.Write(name + ".jp2");
        }

        var listed = await ListAsync(_folder.Source(maxListed: 3));

        Assert.That(listed, Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task ListAsync_Nested_ReconstructsIdsAndSkipsMisplacedFiles()
    {
        foreach (var file in new[] { "ab/abc.jp2", "ab/abd.png", "xy/zzz.jp2", "top.jp2", "ab/sub/x.jp2" })
        {
            _folder.Write(file);
        }

        var listed = await ListAsync(_folder.Source(FileSystemResolverScheme.Nested));

        Assert.That(listed, Is.EqualTo(new[] { "abc", "abd" }));
    }

    [Test]
    [Description("Pairtree: ids come back uncleaned; files not at their own shorty path are skipped.")]
    public async Task ListAsync_Pairtree_ReconstructsOriginalIds()
    {
        _folder.Write("ar/k+/=1/30/30/=x/t1/2t/3/ark+=13030=xt12t3.jp2");
        _folder.Write("a^/20/b,/c/a^20b,c.tif");
        _folder.Write("ab/cd/e/wrong.jp2");
        _folder.Write("ab/cd/abcd/ignored.jp2");
        _folder.Write("ab/cd/abcd.jp2");

        var listed = await ListAsync(_folder.Source(FileSystemResolverScheme.Pairtree));

        Assert.That(listed, Is.EquivalentTo(new[] { "ark:/13030/xt12t3", "a b.c", "abcd" }));
    }

    [Test]
    [Description("Listing never follows links (no loops, no escape); a link inside the root still resolves by name.")]
    public async Task ListAsync_Links_AreNotListed()
    {
        _folder.Write("real.jp2");
        File.CreateSymbolicLink(Path.Join(_folder.Root, "alias.jp2"), "real.jp2");
        Directory.CreateSymbolicLink(Path.Join(_folder.Root, "loop"), _folder.Root);

        var listed = await ListAsync(_folder.Source());

        Assert.That(listed, Is.EqualTo(new[] { "real" }));
    }

    [TestCase(FileSystemResolverScheme.Simple)]
    [TestCase(FileSystemResolverScheme.Nested)]
    [TestCase(FileSystemResolverScheme.Pairtree)]
    [Description("Every listed id resolves to a file under the same scheme.")]
    public async Task ListAsync_EveryListedId_Resolves(FileSystemResolverScheme scheme)
    {
        var source = _folder.Source(scheme);
        foreach (var identifier in new[] { "ark:/13030/xt12t3", "plain", "with space.x", "é^" })
        {
            var relative = scheme switch
            {
                FileSystemResolverScheme.Simple => identifier,
                FileSystemResolverScheme.Nested => string.Concat(identifier.AsSpan(0, 2), "/", identifier),
                _ => PairtreeRelative(identifier),
            };
            _folder.Write(relative + ".png");
        }

        var listed = await ListAsync(source);

        Assert.That(listed, Has.Count.EqualTo(4));
        foreach (var identifier in listed)
        {
            Assert.That(await ResolveAsync(source, identifier), Is.Not.Null, identifier);
        }
    }

    [Test]
    public void ListAsync_Cancelled_Throws()
    {
        _folder.Write("a.jp2");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            async () => await _folder.Source().ListAsync(cancelled.Token).ToListAsync(),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static string PairtreeRelative(string identifier)
    {
        var cleaned = Pairtree.Clean(identifier);
        return Pairtree.ShortyPath(cleaned) + "/" + cleaned;
    }
}

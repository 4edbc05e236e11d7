using Iiif.Imaging.Sources;
using static Iiif.Tests.Imaging.Sources.TempSourceRoot;

namespace Iiif.Tests.Imaging.Sources;

[TestFixture]
public class FileSystemImageSourceTests
{
    private TempSourceRoot _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempSourceRoot();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [TestCase("page1", "page1.jp2")]
    [TestCase("books/page1", "books/page1.jp2")]
    [TestCase("ark:/12025/654xz321", "ark:/12025/654xz321.jp2")]
    [Description("Old server resolver `simple`: {root}/{id}.{ext}; a '/' decoded from %2F names a subfolder.")]
    public async Task ResolveAsync_Simple_FindsIdPlusExtension(string identifier, string relative)
    {
        var expected = _folder.Write(relative);

        var handle = await ResolveAsync(_folder.Source(), identifier);

        Assert.That(handle, Is.Not.Null);
        Assert.That(handle!.LocalPath, Is.EqualTo(expected));
        Assert.That(handle.Identifier.Value, Is.EqualTo(identifier));
    }

    [TestCase(new[] { "a.tif", "a.jp2", "a.png" }, new string[0], "a.jp2")]
    [TestCase(new[] { "a.tif", "a.png" }, new string[0], "a.tif")]
    [TestCase(new[] { "a.jpeg", "a.jpg" }, new string[0], "a.jpg")]
    [TestCase(new[] { "a.tif", "a.jp2" }, new[] { "tif", "jp2" }, "a.tif")]
    [TestCase(new[] { "a.tif", "a.jp2" }, new[] { ".png", ".jp2" }, "a.jp2")]
    [Description("The extension is found by probing the configured list in order (default jp2 first).")]
    public async Task ResolveAsync_SeveralExtensions_FirstInProbeOrderWins(string[] files, string[] extensions, string expected)
    {
        foreach (var file in files)
        {
            _folder.Write(file);
        }

        var handle = await ResolveAsync(_folder.Source(extensions: extensions), "a");

        Assert.That(Path.GetFileName(handle?.LocalPath), Is.EqualTo(expected));
    }

    [TestCase("photo.png", new[] { "photo.png" }, "photo.png")]
    [TestCase("photo.png", new[] { "photo.png", "photo.png.jp2" }, "photo.png")]
    [TestCase("photo.png", new[] { "photo.png.jp2" }, "photo.png.jp2")]
    [TestCase("notes.txt", new[] { "notes.txt" }, null)]
    [TestCase("photo.PNG", new[] { "photo.PNG" }, null)]
    [Description("An id that already ends in a listed extension is also tried as the file name itself, first.")]
    public async Task ResolveAsync_IdWithExtension_TriesItAsFileName(string identifier, string[] files, string? expected)
    {
        foreach (var file in files)
        {
            _folder.Write(file);
        }

        var handle = await ResolveAsync(_folder.Source(), identifier);

        Assert.That(handle is null ? null : Path.GetFileName(handle.LocalPath), Is.EqualTo(expected));
    }

    [TestCase("abcdef", 2, "ab/abcdef.jp2")]
    [TestCase("abcdef", 3, "abc/abcdef.jp2")]
    [TestCase("a", 2, "a/a.jp2")]
    [TestCase("ab/cd", 2, "ab/ab/cd.jp2")]
    [TestCase("éèxyz", 2, "éè/éèxyz.jp2")]
    [Description("Old server resolver `nested`: {root}/{first N chars}/{id}.{ext}.")]
    public async Task ResolveAsync_Nested_UsesPrefixFolder(string identifier, int depth, string relative)
    {
        var expected = _folder.Write(relative);

        var handle = await ResolveAsync(_folder.Source(FileSystemResolverScheme.Nested, depth), identifier);

        Assert.That(handle?.LocalPath, Is.EqualTo(expected));
    }

    [Test]
    public async Task ResolveAsync_NestedFileAtRootLevel_IsNotFound()
    {
        _folder.Write("abcdef.jp2");

        var handle = await ResolveAsync(_folder.Source(FileSystemResolverScheme.Nested), "abcdef");

        Assert.That(handle, Is.Null);
    }

    [Test]
    [Description("A prefix holding '/' cannot be one folder, so the id has no file in `nested`.")]
    public async Task ResolveAsync_NestedPrefixWithSlash_IsNotFound()
    {
        _folder.Write("a/a/b.jp2");

        var handle = await ResolveAsync(_folder.Source(FileSystemResolverScheme.Nested), "a/b");

        Assert.That(handle, Is.Null);
    }

    [TestCase("ark:/13030/xt12t3", "ar/k+/=1/30/30/=x/t1/2t/3/ark+=13030=xt12t3.jp2")]
    [TestCase("what-the-*@?#!^!?", "wh/at/-t/he/-^/2a/@^/3f/#!/^5/e!/^3/f/what-the-^2a@^3f#!^5e!^3f.jp2")]
    [TestCase("abcde", "ab/cd/e/abcde.jp2")]
    [TestCase("a b.c", "a^/20/b,/c/a^20b,c.jp2")]
    [TestCase("é", "^c/3^/a9/^c3^a9.jp2")]
    [Description("Pairtree spec: cleaned id split into 2-char shorties; the file is {shorties}/{cleaned id}.{ext}.")]
    public async Task ResolveAsync_Pairtree_UsesShortyPath(string identifier, string relative)
    {
        var expected = _folder.Write(relative);

        var handle = await ResolveAsync(_folder.Source(FileSystemResolverScheme.Pairtree), identifier);

        Assert.That(handle?.LocalPath, Is.EqualTo(expected));
    }

    [TestCase(FileSystemResolverScheme.Simple)]
    [TestCase(FileSystemResolverScheme.Nested)]
    [TestCase(FileSystemResolverScheme.Pairtree)]
    public async Task ResolveAsync_NoSuchImage_ReturnsNull(FileSystemResolverScheme scheme)
    {
        _folder.Write("other.jp2");

        var handle = await ResolveAsync(_folder.Source(scheme), "missing");

        Assert.That(handle, Is.Null);
    }

    [Test]
    public async Task ResolveAsync_RootMissing_ReturnsNullAndListsNothing()
    {
        var source = _folder.Source(root: Path.Join(_folder.Parent, "nowhere"));

        Assert.That(await ResolveAsync(source, "a"), Is.Null);
        Assert.That(await ListAsync(source), Is.Empty);
    }

    [Test]
    [Description("Version = (LastWriteTimeUtc, Length) of the file, so caches key on it.")]
    public async Task ResolveAsync_Version_IsWriteTimeAndLength()
    {
        var path = _folder.Write("a.jp2", new byte[10]);
        var written = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        var handle = await ResolveAsync(_folder.Source(), "a");

        Assert.That(handle!.Version.Length, Is.EqualTo(10));
        Assert.That(handle.Version.LastModified, Is.EqualTo(new DateTimeOffset(written)));
    }

    [Test]
    [Description("A source replaced on disk resolves to a new version, so nothing stale is served.")]
    public async Task ResolveAsync_FileReplaced_GivesNewVersion()
    {
        var source = _folder.Source();
        var path = _folder.Write("a.jp2", new byte[10]);
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var before = (await ResolveAsync(source, "a"))!.Version;

        var replacement = _folder.Write("a.jp2.new", new byte[10]);
        File.SetLastWriteTimeUtc(replacement, new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        File.Move(replacement, path, overwrite: true);
        var sameLength = (await ResolveAsync(source, "a"))!.Version;
        _folder.Write("a.jp2", new byte[11]);
        var longer = (await ResolveAsync(source, "a"))!.Version;

        Assert.That(sameLength, Is.Not.EqualTo(before));
        Assert.That(longer, Is.Not.EqualTo(sameLength));
        Assert.That(longer.Length, Is.EqualTo(11));
    }

    [Test]
    [Description("Readers keep the old bytes when the source is replaced under them (FileShare.Delete).")]
    public async Task OpenRead_FileReplacedWhileOpen_ReaderKeepsOldBytes()
    {
        _folder.Write("a.jp2", [1, 2, 3, 4]);
        var handle = await ResolveAsync(_folder.Source(), "a");

        using var stream = handle!.OpenRead();
        var replacement = _folder.Write("a.new", [9, 9]);
        File.Move(replacement, handle.LocalPath!, overwrite: true);
        var buffer = new byte[8];
        var read = stream.ReadAtLeast(buffer, 8, throwOnEndOfStream: false);

        Assert.That(buffer[..read], Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
        Assert.That(stream.CanSeek, Is.True);
    }
}

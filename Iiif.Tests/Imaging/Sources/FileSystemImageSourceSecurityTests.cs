using System.Diagnostics;
using Iiif.Core.Identifiers;
using Iiif.Imaging.Sources;
using Iiif.Tests.Caching;
using Microsoft.Extensions.Logging;
using static Iiif.Tests.Imaging.Sources.TempSourceRoot;

namespace Iiif.Tests.Imaging.Sources;

/// <summary>Nothing outside the root is ever opened, whatever the identifier or a link says. Identifiers here are built
/// directly, bypassing <see cref="ImageIdentifierParser"/>: the source must defend itself.</summary>
[TestFixture]
public class FileSystemImageSourceSecurityTests
{
    private TempSourceRoot _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempSourceRoot();
        _folder.WriteOutside("secret.jp2");
        _folder.WriteOutside("outside/page.jp2");
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [TestCase(FileSystemResolverScheme.Simple, "../secret")]
    [TestCase(FileSystemResolverScheme.Simple, "../secret.jp2")]
    [TestCase(FileSystemResolverScheme.Simple, "books/../../secret")]
    [TestCase(FileSystemResolverScheme.Simple, "../outside/page")]
    [TestCase(FileSystemResolverScheme.Simple, "./../secret")]
    [TestCase(FileSystemResolverScheme.Nested, "../secret")]
    [TestCase(FileSystemResolverScheme.Nested, "..")]
    [TestCase(FileSystemResolverScheme.Pairtree, "../secret")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: traversal (also `..%2F..` once decoded to `../..`) never leaves the root.")]
    public async Task ResolveAsync_Traversal_ReturnsNull(FileSystemResolverScheme scheme, string identifier)
    {
        Assert.That(await ResolveAsync(_folder.Source(scheme), identifier), Is.Null);
    }

    [Test]
    public async Task ResolveAsync_AbsolutePath_ReturnsNull()
    {
        var secretWithoutExtension = Path.Join(_folder.Parent, "secret");

        Assert.That(await ResolveAsync(_folder.Source(), "/etc/passwd"), Is.Null);
        Assert.That(await ResolveAsync(_folder.Source(), secretWithoutExtension), Is.Null);
        Assert.That(await ResolveAsync(_folder.Source(), secretWithoutExtension + ".jp2"), Is.Null);
    }

    [TestCase("")]
    [TestCase("a\0b")]
    [TestCase(".")]
    public async Task ResolveAsync_EmptyNulOrDot_ReturnsNull(string identifier)
    {
        _folder.Write("a.jp2");

        Assert.That(await ResolveAsync(_folder.Source(), identifier), Is.Null);
    }

    [Test]
    public async Task ResolveAsync_DefaultIdentifier_ReturnsNull()
    {
        Assert.That(await _folder.Source().ResolveAsync(default, CancellationToken.None), Is.Null);
    }

    [Test]
    [Description("Symlink policy: a link inside the root whose target is outside it counts as absent.")]
    public async Task ResolveAsync_FileLinkPointingOutside_ReturnsNull()
    {
        File.CreateSymbolicLink(Path.Join(_folder.Root, "link.jp2"), Path.Join(_folder.Parent, "secret.jp2"));
        File.CreateSymbolicLink(Path.Join(_folder.Root, "relative.jp2"), "../secret.jp2");

        Assert.That(await ResolveAsync(_folder.Source(), "link"), Is.Null);
        Assert.That(await ResolveAsync(_folder.Source(), "relative"), Is.Null);
    }

    [Test]
    [Description("Issue #13: a refused link is logged at Warning with the identifier and where it led, once per identifier for a while.")]
    public async Task ResolveAsync_LinkPointingOutside_LoggedOnceAsWarning()
    {
        File.CreateSymbolicLink(Path.Join(_folder.Root, "link.jp2"), Path.Join(_folder.Parent, "secret.jp2"));
        var logger = new CapturingLogger<FileSystemImageSource>();
        var source = _folder.Source(followLinksOutside: false, logger);

        for (var i = 0; i < 5; i++)
        {
            Assert.That(await ResolveAsync(source, "link"), Is.Null);
        }

        var warning = logger.Entries.Single();
        Assert.That(warning.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(warning.Message, Does.Contain("Image link refused"));
        Assert.That(warning.Message, Does.Contain(Path.Join(_folder.Parent, "secret.jp2")));
        Assert.That(warning.Message, Does.Contain("images.followSymlinksOutsideRoot"));
    }

    [Test]
    [Description("images.followSymlinksOutsideRoot: NAS collections linked into one root are served, file or folder links.")]
    public async Task ResolveAsync_LinkOutsideAllowed_ResolvesToTarget()
    {
        File.CreateSymbolicLink(Path.Join(_folder.Root, "link.jp2"), Path.Join(_folder.Parent, "secret.jp2"));
        Directory.CreateSymbolicLink(Path.Join(_folder.Root, "nas"), Path.Join(_folder.Parent, "outside"));
        var logger = new CapturingLogger<FileSystemImageSource>();
        var source = _folder.Source(followLinksOutside: true, logger);

        Assert.That((await ResolveAsync(source, "link"))?.LocalPath, Is.EqualTo(Path.Join(_folder.Parent, "secret.jp2")));
        Assert.That((await ResolveAsync(source, "nas/page"))?.LocalPath, Is.EqualTo(Path.Join(_folder.Parent, "outside", "page.jp2")));
        Assert.That(logger.Entries, Is.Empty);
    }

    [TestCase("../secret")]
    [TestCase("nas/../../secret")]
    [Description("Following links out of the root never lets an identifier climb out of it by itself.")]
    public async Task ResolveAsync_LinkOutsideAllowed_TraversalStillRefused(string identifier)
    {
        Directory.CreateSymbolicLink(Path.Join(_folder.Root, "nas"), Path.Join(_folder.Parent, "outside"));

        Assert.That(await ResolveAsync(_folder.Source(followLinksOutside: true, logger: null), identifier), Is.Null);
    }

    [Test]
    [Description("Symlink policy: a folder link on the way to the file is checked too, not only the file.")]
    public async Task ResolveAsync_FolderLinkPointingOutside_ReturnsNull()
    {
        Directory.CreateSymbolicLink(Path.Join(_folder.Root, "books"), Path.Join(_folder.Parent, "outside"));

        Assert.That(await ResolveAsync(_folder.Source(), "books/page"), Is.Null);
    }

    [Test]
    [Description("A link's '..' is resolved physically: sub/up -> '..' then '../secret' would leave the root.")]
    public async Task ResolveAsync_LinkThenDotDot_ReturnsNull()
    {
        Directory.CreateDirectory(Path.Join(_folder.Root, "sub"));
        Directory.CreateSymbolicLink(Path.Join(_folder.Root, "sub", "up"), _folder.Parent);

        Assert.That(await ResolveAsync(_folder.Source(), "sub/up/secret"), Is.Null);
    }

    [Test]
    [Description("Symlink policy: links that stay inside the root are followed; the handle names the real file.")]
    public async Task ResolveAsync_LinkInsideRoot_ResolvesToTarget()
    {
        var real = _folder.Write("files/real.jp2");
        File.CreateSymbolicLink(Path.Join(_folder.Root, "alias.jp2"), "files/real.jp2");
        Directory.CreateSymbolicLink(Path.Join(_folder.Root, "shelf"), Path.Join(_folder.Root, "files"));

        Assert.That((await ResolveAsync(_folder.Source(), "alias"))?.LocalPath, Is.EqualTo(real));
        Assert.That((await ResolveAsync(_folder.Source(), "shelf/real"))?.LocalPath, Is.EqualTo(real));
    }

    [Test]
    [Description("Symlink policy: the root itself may be a link.")]
    public async Task ResolveAsync_RootIsLink_StillResolves()
    {
        var real = _folder.Write("a.jp2");
        var linkedRoot = Path.Join(_folder.Parent, "root-link");
        Directory.CreateSymbolicLink(linkedRoot, _folder.Root);

        Assert.That((await ResolveAsync(_folder.Source(root: linkedRoot), "a"))?.LocalPath, Is.EqualTo(real));
    }

    [Test]
    public async Task ResolveAsync_LinkLoop_ReturnsNull()
    {
        File.CreateSymbolicLink(Path.Join(_folder.Root, "x.jp2"), "y.jp2");
        File.CreateSymbolicLink(Path.Join(_folder.Root, "y.jp2"), "x.jp2");

        Assert.That(await ResolveAsync(_folder.Source(), "x"), Is.Null);
    }

    [Test]
    [Description("Only regular files: a folder named like an id (with or without extension) is no image.")]
    public async Task ResolveAsync_DirectoryNamedLikeId_ReturnsNull()
    {
        Directory.CreateDirectory(Path.Join(_folder.Root, "dir.jp2"));
        Directory.CreateDirectory(Path.Join(_folder.Root, "plain"));

        Assert.That(await ResolveAsync(_folder.Source(), "dir"), Is.Null);
        Assert.That(await ResolveAsync(_folder.Source(), "dir.jp2"), Is.Null);
        Assert.That(await ResolveAsync(_folder.Source(), "plain"), Is.Null);
    }

    [Test]
    public async Task ResolveAsync_EmptyFile_IsSkippedForTheNextExtension()
    {
        _folder.Write("a.jp2", []);
        var tif = _folder.Write("a.tif");

        Assert.That((await ResolveAsync(_folder.Source(), "a"))?.LocalPath, Is.EqualTo(tif));
    }

    [Test]
    [Platform("Linux")]
    [Description("A FIFO reports length 0 and is never opened (opening one would block the request).")]
    public async Task ResolveAsync_Fifo_ReturnsNullWithoutBlocking()
    {
        using var mkfifo = Process.Start("mkfifo", Path.Join(_folder.Root, "pipe.jp2"));
        await mkfifo.WaitForExitAsync();
        Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo is needed for this test");

        Assert.That(await ResolveAsync(_folder.Source(), "pipe"), Is.Null);
    }

    [Test]
    public void ResolveAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            async () => await _folder.Source().ResolveAsync(new ImageIdentifier("a"), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}

using Iiif.Tests.TestUtilities;
using Iiif.Tests.Web.Configuration;
using Iiif.Web.Cli;

namespace Iiif.Tests.Web.Cli;

/// <summary>Issue #13, the nightly cron jobs: warm counts a render the cache could not store as a failure, skips (and
/// reports) a profile larger than an image instead of failing it, refuses an invalid profile before any work, and
/// clean does not need the image folder it never reads.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class WarmCommandOperatorTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new WebTestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [Description("The default profiles (600 px, 300 px squares) on a 300x200 image: skipped and reported, exit 0")]
    public async Task Warm_ImageSmallerThanProfiles_SkipsThemAndSucceeds()
    {
        File.Copy(TestImageFactory.PathOf(TestImageFactory.RgbSingleTile), Path.Combine(_folder.ImagesDirectory, "small.jp2"));

        var (exit, output, error) = await CliRunner.RunAsync(["warm", .. _folder.HostArgs()]);

        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("skipped small/full/600,/0/default.jpg: larger than the image (300x200 region)"));
        Assert.That(output, Does.Contain("skipped small/square/300,/0/default.jpg: larger than the image (200x200 region)"));
        Assert.That(output, Does.Contain("1 image(s), 1 file(s)").And.Contain("2 skipped (larger than the image), 0 failure(s)"));
    }

    [Test]
    [Description("A cache that cannot store anything: every render is a failure and the exit code is not 0")]
    public async Task Warm_CacheCannotStore_CountsFailuresAndExitsNonZero()
    {
        RunningHost.AddImage(_folder, "image");
        // A file where the derivatives folder belongs: no write can succeed there, even as root.
        Directory.CreateDirectory(_folder.CacheDirectory);
        await File.WriteAllTextAsync(Path.Combine(_folder.CacheDirectory, "derivatives"), "not a folder");

        var (exit, output, error) = await CliRunner.RunAsync(["warm", "--cache:memory:maxSizeMegabytes=0", .. _folder.HostArgs()]);

        Assert.That(exit, Is.EqualTo(CliCommands.UserErrorExitCode), output + error);
        Assert.That(error, Does.Contain("image/full/600,/0/default.jpg: rendered, but the cache could not store it"));
        Assert.That(output, Does.Contain("0 file(s)").And.Contain("3 failure(s)"));
    }

    [Test]
    [Description("Profile tails are parsed by the real request parser before any image is touched")]
    public async Task Warm_InvalidProfileTail_RefusedBeforeWork()
    {
        RunningHost.AddImage(_folder, "image");

        var (exit, output, error) = await CliRunner.RunAsync(["warm", "--profiles:broken=/full/600/0/default.jpg", .. _folder.HostArgs()]);

        Assert.That(exit, Is.EqualTo(CliCommands.UserErrorExitCode));
        Assert.That(error, Does.StartWith("iiif warm: profiles.broken: '/full/600/0/default.jpg' is not a valid IIIF 3.0 image request"));
        Assert.That(output, Is.Empty);
        Assert.That(Directory.Exists(Path.Combine(_folder.CacheDirectory, "derivatives"))
            && Directory.EnumerateFiles(Path.Combine(_folder.CacheDirectory, "derivatives"), "*", SearchOption.AllDirectories).Any(), Is.False);
    }

    [Test]
    [Description("clean reads only the cache: an images.root that does not exist (unmounted share) is no error")]
    public async Task Clean_ImagesRootMissing_StillCleans()
    {
        var (exit, output, error) = await CliRunner.RunAsync(["clean", .. _folder.HostArgs("--images", Path.Combine(_folder.Root, "unmounted"))]);

        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Match(@"^\d+ examined, \d+ deleted"));
    }
}

using System.Text.Json;
using Iiif.Core.Info;
using Iiif.Core.Requests;
using Iiif.Tests.Web.Configuration;
using Iiif.Tests.Web.ImageApi;
using Iiif.Web.Cli;

namespace Iiif.Tests.Web.Cli;

/// <summary><c>iiif warm</c> and <c>iiif clean</c> over real images and the real cache. Needs the lead's IImagePipeline
/// and cache registrations (the commands build the server's own services).</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class WarmCommandEndToEndTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new WebTestFolder();
        IiifTestImages.CopyInto(_folder.ImagesDirectory);
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [Description("warm fills the cache with every profile of every image and prints a summary")]
    public async Task Warm_Folder_RendersEveryImage()
    {
        RemoveCorruptSource();
        var (exit, output, error) = await CliRunner.RunAsync(["warm", .. _folder.HostArgs()]);

        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("into the cache").And.Contain(" 0 failure(s)"));
        Assert.That(Directory.EnumerateFiles(_folder.CacheDirectory, "*.bin", SearchOption.AllDirectories), Is.Not.Empty);
    }

    [Test]
    [Description("warm names an image it cannot read, still warms the others, and exits non-zero so a cron job notices")]
    public async Task Warm_FolderWithCorruptImage_ReportsItAndExitsNonZero()
    {
        var (exit, output, error) = await CliRunner.RunAsync(["warm", .. _folder.HostArgs()]);

        Assert.That(exit, Is.Not.Zero);
        Assert.That(error, Does.Contain(IiifTestImages.Corrupt + ": The image could not be read."));
        Assert.That(output, Does.Not.Contain(" 0 failure(s)"));
        Assert.That(Directory.EnumerateFiles(_folder.CacheDirectory, "*.bin", SearchOption.AllDirectories), Is.Not.Empty);
    }

    [Test]
    [Description("warm --out --tiles: a static level 0 export with info.json, the profile files and every listed tile and size")]
    public async Task Warm_OutWithTiles_WritesStaticLevel0Export()
    {
        RemoveCorruptSource();
        var export = Path.Combine(_folder.Root, "export");

        var (exit, output, error) = await CliRunner.RunAsync(
            ["warm", _folder.ImagesDirectory, "--out", export, "--base-uri", "https://static.example.org/iiif", "--tiles",
                "--profile", "full600", .. _folder.HostArgs()]);

        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("to " + export));
        var folder = Path.Combine(export, IiifTestImages.WideJp2);
        using var info = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "info.json")));
        var root = info.RootElement;
        Assert.That(root.GetProperty("id").GetString(), Is.EqualTo("https://static.example.org/iiif/" + IiifTestImages.WideJp2));
        Assert.That(root.GetProperty("profile").GetString(), Is.EqualTo("level0"));
        Assert.That(File.Exists(Path.Combine(folder, "full", "600,", "0", "default.jpg")), Is.True);
        Assert.That(File.Exists(Path.Combine(folder, "square", "300,", "0", "default.jpg")), Is.False);
        foreach (var tail in ListedTails(root))
        {
            Assert.That(File.Exists(folder + tail.Replace('/', Path.DirectorySeparatorChar)), Is.True, tail);
        }
    }

    [Test]
    public async Task Clean_ConfiguredCache_PrintsReport()
    {
        var (exit, output, error) = await CliRunner.RunAsync(["clean", .. _folder.HostArgs()]);

        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Match(@"^\d+ examined, \d+ deleted, [\d.]+ KiB freed, \d+ empty folder\(s\) removed"));
    }

    private void RemoveCorruptSource() =>
        File.Delete(Directory.GetFiles(_folder.ImagesDirectory, IiifTestImages.Corrupt + ".*").Single());

    // The tiles and sizes the written info.json lists, computed independently of the export from its own numbers.
    private static IReadOnlyList<string> ListedTails(JsonElement root)
    {
        var width = root.GetProperty("width").GetInt32();
        var height = root.GetProperty("height").GetInt32();
        var tile = root.GetProperty("tiles")[0];
        var tileWidth = tile.GetProperty("width").GetInt32();
        var tileHeight = tile.TryGetProperty("height", out var h) ? h.GetInt32() : tileWidth;
        var factors = tile.GetProperty("scaleFactors").EnumerateArray().Select(f => f.GetInt32()).ToList();
        var sizes = root.GetProperty("sizes").EnumerateArray()
            .Select(s => new Iiif.Core.Geometry.PixelSize(s.GetProperty("width").GetInt32(), s.GetProperty("height").GetInt32())).ToList();
        var info = new ImageInfo(width, height, factors.Count, null, IsGrayscale: false);
        var layout = new PyramidLayout(new Iiif.Core.Geometry.PixelSize(tileWidth, tileHeight), factors, sizes);
        return StaticTiles.Tails(ApiVersion.V3, info, layout);
    }
}

using System.Text.Json;
using Iiif.Caching.Derivatives;
using Iiif.Core.Requests;
using Iiif.Tests.Web.Warming;
using Iiif.Web.Auth;
using Iiif.Web.Cli;
using Iiif.Web.Configuration;
using Iiif.Web.Pipeline;
using Microsoft.Extensions.Options;
using Moq;

namespace Iiif.Tests.Web.Cli;

/// <summary>The static export over a Moq pipeline: which files land where, and what info.json says.</summary>
[TestFixture]
public class StaticExportTests
{
    private const string BaseUri = "https://static.example.org/iiif";
    private const string Tail = "/full/600,/0/default.jpg";

    private WarmingMocks _mocks = null!;
    private string _out = null!;

    [SetUp]
    public void SetUp()
    {
        _mocks = new WarmingMocks();
        _out = CliRunner.NewFolder();
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_out, recursive: true);

    [Test]
    [Description("https://iiif.io/api/image/3.0/compliance/ level 0: {out}/{id}/info.json with the export's base URI, and each profile at its tail's path")]
    public async Task ExportAsync_Profiles_WritesInfoAndTailFiles()
    {
        var result = await Export().ExportAsync("ark:/12025/x", [Tail], tiles: false, CancellationToken.None);

        var folder = Path.Combine(_out, "ark:", "12025", "x");
        using var info = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "info.json")));
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Files, Is.EqualTo(2));
        Assert.That(info.RootElement.GetProperty("id").GetString(), Is.EqualTo(BaseUri + "/ark:%2F12025%2Fx"));
        Assert.That(info.RootElement.GetProperty("profile").GetString(), Is.EqualTo("level0"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(folder, "full", "600,", "0", "default.jpg")), Is.EqualTo(Tail));
        Assert.That(Directory.EnumerateFiles(_out, "*.part", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    [Description("--tiles: every tile and size info.json lists is written, so a viewer can deep-zoom the export")]
    public async Task ExportAsync_Tiles_WritesEveryListedTile()
    {
        var result = await Export().ExportAsync(WarmingMocks.KnownIdentifier, [], tiles: true, CancellationToken.None);

        var folder = Path.Combine(_out, WarmingMocks.KnownIdentifier);
        Assert.That(result.Errors, Is.Empty);
        Assert.That(File.Exists(Path.Combine(folder, "0,0,512,512", "512,512", "0", "default.jpg")), Is.True);
        Assert.That(File.Exists(Path.Combine(folder, "full", "1000,800", "0", "default.jpg")), Is.True);
        Assert.That(result.Files, Is.EqualTo(8)); // info.json and the 7 tails of StaticTilesTests' 1000x800 image
        _mocks.Pipeline.Verify(p => p.GetImageAsync(ApiVersion.V3, WarmingMocks.KnownIdentifier, It.IsAny<string>(), true,
            DerivativeCacheMode.Normal, It.IsAny<CancellationToken>()), Times.Exactly(7));
    }

    [Test]
    public async Task ExportAsync_UnknownIdentifier_ReportsWithoutWriting()
    {
        var result = await Export().ExportAsync("missing", [Tail], tiles: true, CancellationToken.None);

        Assert.That(result.Errors, Has.Count.EqualTo(1).And.Some.StartsWith("missing: "));
        Assert.That(Directory.EnumerateFileSystemEntries(_out), Is.Empty);
    }

    [Test]
    [Description("A profile tail with a dot segment cannot leave the export folder")]
    public void ExportAsync_TraversingTail_Refused()
    {
        Assert.That(() => Export().ExportAsync(WarmingMocks.KnownIdentifier, ["/../../0/default.jpg"], tiles: false, CancellationToken.None),
            Throws.TypeOf<CliException>());
    }

    [Test]
    [Description("A static folder has no access check: an image an auth rule restricts is skipped, nothing is written and the pipeline is not asked")]
    public async Task ExportAsync_RestrictedImage_SkippedWithoutWritingAnything()
    {
        var auth = new AuthOptions
        {
            Rules = [new AuthRuleOptions { Prefix = "ark:/", Policy = "readers" }],
            Policies = new(StringComparer.OrdinalIgnoreCase) { ["readers"] = new AuthPolicyOptions { Type = "terms" } },
        };

        var result = await Export(auth).ExportAsync("ark:/12025/x", [Tail], tiles: false, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Skipped, Has.Some.Contains("restricted by the auth policy readers"));
            Assert.That(Directory.EnumerateFileSystemEntries(_out), Is.Empty);
            _mocks.Pipeline.Verify(p => p.GetInfoAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        });
    }

    private StaticExport Export(AuthOptions? auth = null)
    {
        var factory = new InfoDocumentFactory(Options.Create(new InfoOptions()), Options.Create(new LimitsOptions()),
            Options.Create(new ImagingOptions()));
        return new StaticExport(_mocks.Pipeline.Object, factory, new AccessRules(Options.Create(auth ?? new AuthOptions())),
            ApiVersion.V3, _out, BaseUri);
    }
}

using Iiif.Caching;
using Iiif.Caching.Derivatives;
using Iiif.Core.Errors;
using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Iiif.Web.Warming;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Iiif.Tests.Web.Warming;

[TestFixture]
public class CacheWarmerTests
{
    private static readonly Dictionary<string, string> Tails = new(StringComparer.Ordinal)
    {
        ["square300"] = "/square/300,/0/default.jpg",
        ["full600"] = "/full/600,/0/default.jpg",
    };

    private WarmingMocks _mocks = null!;

    [SetUp]
    public void SetUp() => _mocks = new WarmingMocks();

    [Test]
    [Description("clearWith id: the old server deleted the identifier's whole cache, derivatives and info")]
    public async Task WarmAsync_ClearWithId_PurgesAllDerivativesAndInfo()
    {
        var report = await Warmer("id").WarmAsync(WarmingMocks.KnownIdentifier, CancellationToken.None);

        _mocks.Derivatives.Verify(d => d.PurgeAsync(WarmingMocks.KnownIdentifier, false, It.IsAny<CancellationToken>()), Times.Once);
        _mocks.Derivatives.Verify(d => d.PurgeAsync(It.IsAny<string>(), true, It.IsAny<CancellationToken>()), Times.Never);
        _mocks.Infos.Verify(i => i.RemoveAsync(WarmingMocks.KnownIdentifier, It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(report.Value!.Purged, Is.EqualTo(7));
        Assert.That(report.Value.ClearedWith, Is.EqualTo("id"));
    }

    [Test]
    [Description("clearWith profile: only the identifier's profile derivatives; info stays")]
    public async Task WarmAsync_ClearWithProfile_PurgesProfilesOnly()
    {
        await Warmer("profile").WarmAsync(WarmingMocks.KnownIdentifier, CancellationToken.None);

        _mocks.Derivatives.Verify(d => d.PurgeAsync(WarmingMocks.KnownIdentifier, true, It.IsAny<CancellationToken>()), Times.Once);
        _mocks.Derivatives.Verify(d => d.PurgeAsync(It.IsAny<string>(), false, It.IsAny<CancellationToken>()), Times.Never);
        _mocks.Infos.Verify(i => i.RemoveAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    [Description("clearWith none (the old false): nothing is cleared")]
    public async Task WarmAsync_ClearWithNone_ClearsNothing()
    {
        var report = await Warmer("none").WarmAsync(WarmingMocks.KnownIdentifier, CancellationToken.None);

        _mocks.Derivatives.Verify(d => d.PurgeAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
        _mocks.Infos.Verify(i => i.RemoveAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.That(report.Value!.Purged, Is.Zero);
    }

    [TestCase(3, ApiVersion.V3)]
    [TestCase(2, ApiVersion.V2)]
    [Description("Every profile tail is rendered as a profile derivative in server.defaultVersion, after the info")]
    public async Task WarmAsync_Known_RendersEveryProfile(int defaultVersion, ApiVersion expected)
    {
        var report = await Warmer("none", defaultVersion).WarmAsync(WarmingMocks.KnownIdentifier, CancellationToken.None);

        _mocks.Pipeline.Verify(p => p.GetInfoAsync(WarmingMocks.KnownIdentifier, It.IsAny<CancellationToken>()), Times.Once);
        foreach (var tail in Tails.Values)
        {
            _mocks.Pipeline.Verify(p => p.GetImageAsync(expected, WarmingMocks.KnownIdentifier, tail, true, DerivativeCacheMode.Normal,
                It.IsAny<CancellationToken>()), Times.Once);
        }

        Assert.That(report.Value!.Tails.Select(t => (t.Profile, t.Status, t.Tier)), Is.EqualTo(new[]
        {
            ("full600", 200, "rendered"), ("square300", 200, "rendered"),
        }));
        Assert.That(report.Value.Tails[0].Bytes, Is.EqualTo("/full/600,/0/default.jpg".Length));
    }

    [Test]
    [Description("An unknown identifier is a 404 and nothing is rendered")]
    public async Task WarmAsync_Unknown_Returns404()
    {
        var report = await Warmer("id").WarmAsync("missing", CancellationToken.None);

        Assert.That(report.IsSuccess, Is.False);
        Assert.That(report.Error.StatusCode, Is.EqualTo(404));
        _mocks.Pipeline.Verify(p => p.GetImageAsync(It.IsAny<ApiVersion>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(),
            It.IsAny<DerivativeCacheMode>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    [Description("A failing tail (error value or exception) is reported in its entry; the other tails still run")]
    public async Task WarmAsync_TailFails_ReportsAndContinues()
    {
        _mocks.Pipeline.Setup(p => p.GetImageAsync(It.IsAny<ApiVersion>(), It.IsAny<string>(), "/full/600,/0/default.jpg", It.IsAny<bool>(),
                It.IsAny<DerivativeCacheMode>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(IiifError.BadRequest("size", "too big"));
        _mocks.Pipeline.Setup(p => p.GetImageAsync(It.IsAny<ApiVersion>(), It.IsAny<string>(), "/square/300,/0/default.jpg", It.IsAny<bool>(),
                It.IsAny<DerivativeCacheMode>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk full"));

        var report = await Warmer("none").WarmAsync(WarmingMocks.KnownIdentifier, CancellationToken.None);

        Assert.That(report.Value!.Tails.Select(t => (t.Status, t.Bytes)), Is.EqualTo(new[] { (400, (long?)null), (500, (long?)null) }));
        Assert.That(report.Value.Tails[0].Error, Is.EqualTo("size: too big"));
        Assert.That(report.Value.Tails[1].Error, Does.Contain("disk full"));
        Assert.That(report.Value.Failed, Is.EqualTo(2));
    }

    [Test]
    public async Task WarmAsync_SubsetOfTails_RendersOnlyThose()
    {
        var subset = new Dictionary<string, string> { ["full600"] = Tails["full600"] };

        var report = await Warmer("id").WarmAsync(WarmingMocks.KnownIdentifier, subset, CacheWarmer.ClearNothing, CancellationToken.None);

        Assert.That(report.Value!.Tails.Select(t => t.Profile), Is.EqualTo(new[] { "full600" }));
        _mocks.Derivatives.Verify(d => d.PurgeAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private CacheWarmer Warmer(string clearWith, int defaultVersion = 3)
    {
        var cache = new CachingOptions { Warm = new CacheWarmOptions { Enabled = true, ClearWith = clearWith } };
        var profiles = new ProfilesOptions { Tails = Tails };
        var server = new ServerOptions { DefaultVersion = defaultVersion };
        return new CacheWarmer(_mocks.Pipeline.Object, _mocks.Derivatives.Object, _mocks.Infos.Object, Options.Create(cache),
            Options.Create(profiles), Options.Create(server), NullLogger<CacheWarmer>.Instance);
    }
}

using System.Text.Json;
using Iiif.Caching.Derivatives;
using Iiif.Tests.Web.ImageApi;
using Iiif.Tests.Web.Warming;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Iiif.Tests.Web.Admin;

/// <summary>The /admin/cache endpoints on a real Kestrel, with Moq doubles for the pipeline and caches, so what is
/// checked is routing, protection, identifier reading and the JSON shapes. Raw HTTP keeps targets exactly as written.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class CacheAdminEndpointTests
{
    private static readonly Dictionary<string, string> Key = new() { ["X-Api-Key"] = RunningHost.AdminKey };

    private readonly WarmingMocks _mocks = new();
    private HostPool _hosts = null!;

    [OneTimeSetUp]
    public void CreatePool() => _hosts = new HostPool(args => RunningHost.StartAsync(null, ReplaceWithMocks, args));

    [OneTimeTearDown]
    public async Task StopHosts() => await _hosts.DisposeAsync();

    // The hosts are shared by the fixture's tests; each test sees only the calls it caused.
    [SetUp]
    public void ForgetCalls()
    {
        _mocks.Pipeline.Invocations.Clear();
        _mocks.Derivatives.Invocations.Clear();
        _mocks.Infos.Invocations.Clear();
        _mocks.Cleaner.Invocations.Clear();
    }

    [TestCase("POST", "/admin/cache/warm/known")]
    [TestCase("GET", "/warm/known")]
    [TestCase("DELETE", "/admin/cache/known")]
    [TestCase("DELETE", "/admin/cache")]
    [TestCase("GET", "/admin/cache/stats")]
    [TestCase("POST", "/admin/cache/clean")]
    [Description("Every cache endpoint needs X-Api-Key, as every admin endpoint does")]
    public async Task CacheEndpoints_NoKey_Return401(string method, string target)
    {
        var host = await StartAsync(warm: true);

        var response = await RawHttp.SendAsync(host.BaseUri, method, target);

        Assert.That(response.Status, Is.EqualTo(401), response.ToString());
    }

    [TestCase("POST", "/admin/cache/warm/known")]
    [TestCase("GET", "/warm/known")]
    [TestCase("DELETE", "/admin/cache")]
    [Description("An address outside admin.allowedIps gets 403 even with the key")]
    public async Task CacheEndpoints_AddressNotAllowed_Return403(string method, string target)
    {
        var host = await StartAsync(warm: true, "--admin:allowedIps:0=10.1.2.0/24");

        var response = await RawHttp.SendAsync(host.BaseUri, method, target, Key);

        Assert.That(response.Status, Is.EqualTo(403), response.ToString());
    }

    [TestCase("POST", "/admin/cache/warm/known", true)]
    [TestCase("POST", "/admin/cache/warm/known", false)]
    [TestCase("GET", "/warm/known", true)]
    [TestCase("GET", "/warm/known", false)]
    [Description("cache.warm.enabled false: the warm routes answer 404 as if absent, with or without a key")]
    public async Task Warm_Disabled_Returns404(string method, string target, bool withKey)
    {
        var host = await StartAsync(warm: false);

        var response = await RawHttp.SendAsync(host.BaseUri, method, target, withKey ? Key : null);

        Assert.That(response.Status, Is.EqualTo(404), response.ToString());
        _mocks.Pipeline.Verify(p => p.GetInfoAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase("POST", "/admin/cache/warm/known")]
    [TestCase("GET", "/warm/known")]
    [Description("Warming clears per clearWith (id by default) and reports every profile of default.yml")]
    public async Task Warm_Enabled_ReturnsReport(string method, string target)
    {
        var host = await StartAsync(warm: true);

        var response = await RawHttp.SendAsync(host.BaseUri, method, target, Key);
        using var json = JsonDocument.Parse(response.Text);
        var root = json.RootElement;

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(root.GetProperty("identifier").GetString(), Is.EqualTo("known"));
        Assert.That(root.GetProperty("clearedWith").GetString(), Is.EqualTo("id"));
        Assert.That(root.GetProperty("purged").GetInt32(), Is.EqualTo(7));
        var tails = root.GetProperty("tails").EnumerateArray().ToList();
        Assert.That(tails.Select(t => t.GetProperty("profile").GetString()), Is.EqualTo(new[] { "full600", "square300", "square75png" }));
        Assert.That(tails.Select(t => t.GetProperty("status").GetInt32()), Has.All.EqualTo(200));
        Assert.That(tails[0].GetProperty("tail").GetString(), Is.EqualTo("/full/600,/0/default.jpg"));
        Assert.That(tails[0].GetProperty("tier").GetString(), Is.EqualTo("rendered"));
        Assert.That(tails[0].GetProperty("bytes").GetInt64(), Is.EqualTo("/full/600,/0/default.jpg".Length));
        _mocks.Derivatives.Verify(d => d.PurgeAsync("known", false, It.IsAny<CancellationToken>()), Times.Once);
        _mocks.Infos.Verify(i => i.RemoveAsync("known", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: the identifier comes from the raw target, decoded once (%2F is a slash inside it)")]
    public async Task Warm_EncodedSlash_DecodedOnce()
    {
        var host = await StartAsync(warm: true);

        var response = await RawHttp.SendAsync(host.BaseUri, "POST", "/admin/cache/warm/ark:%2F12025%2F654%2525xz", Key);

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        _mocks.Pipeline.Verify(p => p.GetInfoAsync("ark:/12025/654%25xz", It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase("POST", "/admin/cache/warm/..%2Fsecret")]
    [TestCase("GET", "/warm/a%2F..%2F..%2Fetc")]
    [TestCase("DELETE", "/admin/cache/%2Fetc%2Fpasswd")]
    [TestCase("DELETE", "/admin/cache/a%00b")]
    [Description("Identifiers that could leave the image folder are refused with 400 before any cache or source is touched")]
    public async Task Identifier_Unsafe_Returns400(string method, string target)
    {
        var host = await StartAsync(warm: true);

        var response = await RawHttp.SendAsync(host.BaseUri, method, target, Key);

        Assert.That(response.Status, Is.EqualTo(400), response.ToString());
        Assert.That(_mocks.Pipeline.Invocations, Is.Empty);
        Assert.That(_mocks.Derivatives.Invocations.Where(i => i.Method.Name != nameof(IDerivativeCache.GetStatistics)), Is.Empty);
    }

    [Test]
    public async Task Warm_UnknownIdentifier_Returns404()
    {
        var host = await StartAsync(warm: true);

        var response = await RawHttp.SendAsync(host.BaseUri, "POST", "/admin/cache/warm/missing", Key);

        Assert.That(response.Status, Is.EqualTo(404), response.ToString());
        Assert.That(response.Text, Does.Contain("No image has this identifier."));
    }

    [Test]
    [Description("DELETE /admin/cache/{id}: derivatives and info of one identifier; the count of removed derivatives")]
    public async Task Purge_OneIdentifier_ReturnsCount()
    {
        var host = await StartAsync(warm: false);

        var response = await RawHttp.SendAsync(host.BaseUri, "DELETE", "/admin/cache/a%2Fb", Key);
        using var json = JsonDocument.Parse(response.Text);

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(json.RootElement.GetProperty("identifier").GetString(), Is.EqualTo("a/b"));
        Assert.That(json.RootElement.GetProperty("removed").GetInt32(), Is.EqualTo(7));
        _mocks.Derivatives.Verify(d => d.PurgeAsync("a/b", false, It.IsAny<CancellationToken>()), Times.Once);
        _mocks.Infos.Verify(i => i.RemoveAsync("a/b", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PurgeAll_ClearsBothCaches()
    {
        var host = await StartAsync(warm: false);

        var response = await RawHttp.SendAsync(host.BaseUri, "DELETE", "/admin/cache", Key);
        using var json = JsonDocument.Parse(response.Text);

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(json.RootElement.GetProperty("identifier").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(json.RootElement.GetProperty("removed").GetInt32(), Is.EqualTo(42));
        _mocks.Infos.Verify(i => i.ClearAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    [Description("GET /admin/cache/stats: every cache's tiers (resolved paths, info, derivatives, parsed IIIF targets, the decoders' caches), each with entries, bytes, hits, misses, evictions, hitRatio")]
    public async Task Stats_ListsEveryTier()
    {
        var host = await StartAsync(warm: false);

        var response = await RawHttp.SendAsync(host.BaseUri, "GET", "/admin/cache/stats", Key);
        using var json = JsonDocument.Parse(response.Text);
        var all = json.RootElement.GetProperty("tiers").EnumerateArray().ToList();
        var tiers = all.Where(t => t.GetProperty("cache").GetString() is "resolved-paths" or "info" or "derivatives" or "derivative-writes" or "iiif-targets").ToList();

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(tiers.Select(t => t.GetProperty("cache").GetString() + "/" + t.GetProperty("tier").GetString()),
            Is.EqualTo(new[] { "resolved-paths/memory", "info/memory", "derivatives/memory", "derivative-writes/disk", "iiif-targets/memory" }), "every registered source, in registration order");
        Assert.That(all.Select(t => t.GetProperty("cache").GetString()), Is.SupersetOf(new[] { "decoded-blocks", "source-facts", "decoded-images", "source-ranges" }),
            "the decoders' caches are listed too");
        var derivatives = tiers.Single(t => t.GetProperty("cache").GetString() == "derivatives");
        Assert.That(derivatives.GetProperty("entries").GetInt64(), Is.EqualTo(3));
        Assert.That(derivatives.GetProperty("bytes").GetInt64(), Is.EqualTo(3000));
        Assert.That(derivatives.GetProperty("hits").GetInt64(), Is.EqualTo(6));
        Assert.That(derivatives.GetProperty("misses").GetInt64(), Is.EqualTo(2));
        Assert.That(derivatives.GetProperty("evictions").GetInt64(), Is.Zero);
        Assert.That(derivatives.GetProperty("hitRatio").GetDouble(), Is.EqualTo(0.75));
        Assert.That(tiers.Single(t => t.GetProperty("cache").GetString() == "info").GetProperty("bytes").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    [Description("POST /admin/cache/clean: one cleaner pass, its report as JSON")]
    public async Task Clean_ReturnsReport()
    {
        var host = await StartAsync(warm: false);

        var response = await RawHttp.SendAsync(host.BaseUri, "POST", "/admin/cache/clean", Key);
        using var json = JsonDocument.Parse(response.Text);
        var root = json.RootElement;

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That((root.GetProperty("examined").GetInt32(), root.GetProperty("deleted").GetInt32(),
            root.GetProperty("bytesFreed").GetInt64(), root.GetProperty("foldersRemoved").GetInt32()), Is.EqualTo((10, 4, 4096L, 2)));
        _mocks.Cleaner.Verify(c => c.CleanAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    [Description("Swagger lists the cache endpoints with summaries; the legacy /warm alias stays out of it")]
    public async Task Swagger_ListsCacheEndpoints()
    {
        var host = await StartAsync(warm: true);

        var response = await RawHttp.SendAsync(host.BaseUri, "GET", "/admin/swagger/admin/swagger.json");
        using var json = JsonDocument.Parse(response.Text);
        var paths = json.RootElement.GetProperty("paths");

        Assert.That(paths.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "/admin/cache/warm/{id}", "/admin/cache/{id}", "/admin/cache", "/admin/cache/stats", "/admin/cache/clean",
        }));
        Assert.That(paths.EnumerateObject().Select(p => p.Name), Has.None.StartsWith("/warm"));
        Assert.That(paths.GetProperty("/admin/cache/warm/{id}").GetProperty("post").GetProperty("summary").GetString(),
            Does.StartWith("Warms one identifier"));
        Assert.That(paths.GetProperty("/admin/cache/stats").GetProperty("get").GetProperty("summary").GetString(), Is.Not.Empty);
    }

    private Task<RunningHost> StartAsync(bool warm, params string[] extra) =>
        _hosts.GetAsync(["--admin:apiKey=" + RunningHost.AdminKey, "--cache:warm:enabled=" + (warm ? "true" : "false"), .. extra]);

    private void ReplaceWithMocks(IServiceCollection services)
    {
        services.AddSingleton(_mocks.Pipeline.Object);
        services.AddSingleton(_mocks.Derivatives.Object);
        services.AddSingleton(_mocks.Infos.Object);
        services.AddSingleton(_mocks.Cleaner.Object);
    }
}

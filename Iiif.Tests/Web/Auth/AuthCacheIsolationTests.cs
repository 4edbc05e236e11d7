using System.Net;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Web.Auth;

/// <summary>A tile rendered for an authorised user is in every cache tier, and none of them may hand it to a request
/// without the cookie: the access check runs before any lookup (memory and the plan kept for a repeated path, disk, the shared Redis tier, and
/// 304s alike).</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AuthCacheIsolationTests
{
    private const string Tile = "/iiif/3/restricted-book/0,0,256,256/128,/0/default.jpg";

    [Test]
    [Description("memory tier and the plan kept for a repeated path: rendered and then served from memory to the reader, 401 without the cookie, also for a conditional request")]
    public async Task MemoryTier_CachedForReader_RefusedWithoutCookie()
    {
        await using var host = await AuthHost.StartAsync("restricted-book");
        using var reader = AuthHost.Browser(host);
        await AuthHost.LoginAsync(reader, "readers", "bob");
        using var rendered = await reader.GetAsync(new Uri(Tile, UriKind.Relative));
        using var fromMemory = await reader.GetAsync(new Uri(Tile, UriKind.Relative));
        using var anonymous = await host.GetAsync(Tile);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(Tile, UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(rendered.Headers.ETag!);
        using var anonymousConditional = await host.Client.SendAsync(conditional);
        using var readerConditional = new HttpRequestMessage(HttpMethod.Get, new Uri(Tile, UriKind.Relative));
        readerConditional.Headers.IfNoneMatch.Add(rendered.Headers.ETag!);
        using var notModified = await reader.SendAsync(readerConditional);
        var log = await host.StopAndReadLogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rendered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fromMemory.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(log.Count(l => l.Contains("\"tier\":\"memory\"", StringComparison.Ordinal)), Is.EqualTo(1), "the repeat came from memory");
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(anonymousConditional.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "not even a 304");
            Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "the reader's browser may keep it");
            Assert.That(new[] { rendered, fromMemory, notModified }.Select(r => r.Headers.CacheControl?.ToString()),
                Is.All.EqualTo("no-cache, private"), "granted images are never for shared caches and are revalidated");
        });
    }

    [Test]
    [Description("disk tier: a second server on the same cache folder serves the reader from disk and refuses the anonymous request; the degraded rendition (a derivative of the restricted image) is refused under the restricted identifier too")]
    public async Task DiskTier_CachedForReader_RefusedWithoutCookie()
    {
        var cache = Directory.CreateTempSubdirectory("iiif-auth-cache-").FullName;
        try
        {
            await using (var first = await AuthHost.StartWithArgsAsync(null, AuthHost.Yaml(), ["restricted-book"], ["--cache", cache]))
            {
                using var reader = AuthHost.Browser(first);
                await AuthHost.LoginAsync(reader, "readers", "bob");
                using var rendered = await reader.GetAsync(new Uri(Tile, UriKind.Relative));
                using var degraded = await first.GetAsync("/iiif/3/restricted-book%2Fdegraded/full/max/0/default.png");
                Assert.That(rendered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(degraded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            await using var second = await AuthHost.StartWithArgsAsync(null, AuthHost.Yaml(), ["restricted-book"], ["--cache", cache]);
            using var anonymous = await second.GetAsync(Tile);
            using var rendition = await second.GetAsync("/iiif/2/restricted-book/full/!200,200/0/gray.png");
            using var browser = AuthHost.Browser(second);
            await AuthHost.LoginAsync(browser, "readers", "bob");
            using var fromDisk = await browser.GetAsync(new Uri(Tile, UriKind.Relative));
            var log = await second.StopAndReadLogAsync();

            Assert.Multiple(() =>
            {
                Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(rendition.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(fromDisk.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(log.Count(l => l.Contains("\"tier\":\"disk\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1), "the reader's tile came from disk");
            });
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Test]
    [Category("Redis")]
    [Description("shared tier: a second instance on the same real redis-server (its own memory and disk) refuses the anonymous request for the tile the first rendered for a reader, and serves it to its own reader from Redis")]
    public async Task SharedTier_CachedForReader_RefusedWithoutCookie()
    {
        using var redis = RedisServer.StartNew();
        string[] shared = ["--cache:redis:configuration=" + redis.Configuration];
        await using (var first = await AuthHost.StartWithArgsAsync(null, AuthHost.Yaml(), ["restricted-book"], shared))
        {
            using var reader = AuthHost.Browser(first);
            await AuthHost.LoginAsync(reader, "readers", "bob");
            using var rendered = await reader.GetAsync(new Uri(Tile, UriKind.Relative));
            Assert.That(rendered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await using var second = await AuthHost.StartWithArgsAsync(null, AuthHost.Yaml(), ["restricted-book"], shared);
        using var anonymous = await second.GetAsync(Tile);
        using var browser = AuthHost.Browser(second);
        await AuthHost.LoginAsync(browser, "readers", "bob");
        using var fromRedis = await browser.GetAsync(new Uri(Tile, UriKind.Relative));
        var log = await second.StopAndReadLogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(fromRedis.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(log.Count(l => l.Contains("\"tier\":\"shared\"", StringComparison.Ordinal)), Is.EqualTo(1), "the reader's tile came from Redis");
        });
    }
}

using System.Net;
using Iiif.Tests.TestUtilities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.Caching;

/// <summary>The derivative and info caches seen from a client of a real server: a hit costs no image work and keeps
/// every header, equivalent URLs share an entry, a replaced source is never served stale, concurrent misses render
/// once, a damaged cache file is rendered again.</summary>
[TestFixture]
[Category("Integration")]
public class CachedImageTests
{
    private const string Tile = "/iiif/3/img/0,0,256,256/128,/0/default.jpg";

    [Test]
    [Description("Issue #5: the first request renders, the second is a hit with the same bytes and validators and no render.")]
    public async Task Get_SameTileTwice_SecondIsAHitWithoutImageWork()
    {
        var (host, counts) = await StartAsync();
        await using var _ = host;

        using var first = await host.GetAsync(Tile);
        using var second = await host.GetAsync(Tile);
        var firstBody = await first.Content.ReadAsByteArrayAsync();
        var secondBody = await second.Content.ReadAsByteArrayAsync();
        var log = await host.StopAndReadLogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(counts.Renders, Is.EqualTo(1));
            Assert.That(counts.Identifies, Is.EqualTo(1), "the info cache answers the second identify");
            Assert.That(secondBody, Is.EqualTo(firstBody));
            Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(second.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
            Assert.That(second.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
            Assert.That(string.Join(",", second.Headers.GetValues("Link")), Does.Contain("rel=\"canonical\""));
            Assert.That(log.Count(l => l.Contains("\"found\":\"miss\"", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(log.Count(l => l.Contains("\"found\":\"hit\"", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    [Description("Issue #5: the key is the canonical request, so equivalent URLs share one entry (digest §4).")]
    public async Task Get_EquivalentUrls_ShareOneEntry()
    {
        var (host, counts) = await StartAsync();
        await using var _ = host;

        using var full = await host.GetAsync("/iiif/3/img/full/160,/0/default.png");
        using var sameRegion = await host.GetAsync("/iiif/3/img/0,0,640,480/160,120/0/default.png");
        using var pct = await host.GetAsync("/iiif/3/img/full/pct:25/0/default.png");

        Assert.Multiple(async () =>
        {
            Assert.That(counts.Renders, Is.EqualTo(1));
            Assert.That(await pct.Content.ReadAsByteArrayAsync(), Is.EqualTo(await full.Content.ReadAsByteArrayAsync()));
            Assert.That(sameRegion.Headers.ETag, Is.EqualTo(full.Headers.ETag));
        });
    }

    [Test]
    [Description("Issue #5: a conditional request for a cached image is answered 304 without image work.")]
    public async Task Get_IfNoneMatchOnCachedImage_Returns304WithoutRender()
    {
        var (host, counts) = await StartAsync();
        await using var _ = host;
        using var first = await host.GetAsync(Tile);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Tile, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var conditional = await host.Client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(conditional.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(conditional.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(counts.Renders, Is.EqualTo(1));
        });
    }

    [Test]
    [Description("Issue #5: keys include the source version, so a source replaced on disk gives new facts and new pixels.")]
    public async Task Get_SourceReplacedOnDisk_NewInfoAndNewDerivative()
    {
        var (host, counts) = await StartAsync();
        await using var _ = host;
        using var infoBefore = await host.GetAsync("/iiif/3/img/info.json");
        using var before = await host.GetAsync("/iiif/3/img/full/max/0/default.png");

        var source = Path.Combine(host.Folder.ImagesDirectory, "img.jp2");
        File.Copy(TestImageFactory.PathOf(TestImageFactory.RgbOddTiled), source, overwrite: true);
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(1));
        using var infoAfter = await host.GetAsync("/iiif/3/img/info.json");
        using var after = await host.GetAsync("/iiif/3/img/full/max/0/default.png");

        Assert.Multiple(async () =>
        {
            Assert.That(await infoBefore.Content.ReadAsStringAsync(), Does.Contain("\"width\": 640").Or.Contain("\"width\":640"));
            Assert.That(await infoAfter.Content.ReadAsStringAsync(), Does.Contain("\"width\": 333").Or.Contain("\"width\":333"));
            Assert.That(counts.Renders, Is.EqualTo(2));
            Assert.That(after.Headers.ETag, Is.Not.EqualTo(before.Headers.ETag));
            Assert.That(await after.Content.ReadAsByteArrayAsync(), Is.Not.EqualTo(await before.Content.ReadAsByteArrayAsync()));
        });
    }

    [Test]
    [Description("Issue #5: 50 concurrent identical misses render once; every client gets the same bytes.")]
    public async Task Get_FiftyConcurrentMisses_RenderOnce()
    {
        var arrivals = new ArrivalCounter();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (host, counts) = await StartAsync(services => services.AddSingleton<IStartupFilter>(arrivals));
        await using var _ = host;
        counts.Gate = gate;

        var requests = Enumerable.Range(0, 50).Select(_ => host.Client.GetByteArrayAsync(new Uri(Tile, UriKind.Relative))).ToArray();
        await arrivals.WaitForAsync(50, TimeSpan.FromSeconds(30));
        gate.SetResult();
        var bodies = await Task.WhenAll(requests);

        Assert.Multiple(() =>
        {
            Assert.That(counts.Renders, Is.EqualTo(1));
            Assert.That(bodies.Select(Convert.ToBase64String).Distinct().Count(), Is.EqualTo(1));
            Assert.That(bodies[0], Is.Not.Empty);
        });
    }

    [Test]
    [Description("Issue #5: a truncated cache file is detected and rendered again, never served.")]
    public async Task Get_TruncatedCacheFile_IsRenderedAgain()
    {
        var (host, counts) = await StartAsync(args: ["--cache:memory:maxSizeMegabytes=0"]);
        await using var _ = host;
        var original = await host.Client.GetByteArrayAsync(new Uri(Tile, UriKind.Relative));
        var cached = Directory.GetFiles(host.Folder.CacheDirectory, "*.bin", SearchOption.AllDirectories).Single();
        await using (var file = new FileStream(cached, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(file.Length / 2);
        }

        var again = await host.Client.GetByteArrayAsync(new Uri(Tile, UriKind.Relative));
        var third = await host.Client.GetByteArrayAsync(new Uri(Tile, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(original));
            Assert.That(third, Is.EqualTo(original));
            Assert.That(counts.Renders, Is.EqualTo(2), "rendered again once, then served from the repaired entry");
            Assert.That(new FileInfo(cached).Length, Is.EqualTo(original.Length));
        });
    }

    [Test]
    [Description("Issue #5: ?recache=true re-renders only for an administrator; for anyone else it is an ordinary request.")]
    public async Task Get_Recache_RendersAgainOnlyWithAdminKey()
    {
        var (host, counts) = await StartAsync(args: ["--admin:apiKey=" + RunningHost.AdminKey]);
        await using var _ = host;
        using var first = await host.GetAsync(Tile);
        using var stranger = await host.GetAsync(Tile + "?recache=true");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Tile + "?recache=true", UriKind.Relative));
        request.Headers.Add("X-Api-Key", RunningHost.AdminKey);
        using var admin = await host.Client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(counts.Renders, Is.EqualTo(2));
        });
    }

    private static async Task<(RunningHost Host, CountingRenderer Counts)> StartAsync(
        Action<IServiceCollection>? more = null, string[]? args = null)
    {
        Func<IServiceProvider, CountingRenderer>? counts = null;
        var host = await RunningHost.StartAsync(
            folder => RunningHost.AddImage(folder, "img"),
            services =>
            {
                counts = CountingRenderer.Install(services);
                more?.Invoke(services);
            },
            args ?? []);
        return (host, counts!(host.Services));
    }
}

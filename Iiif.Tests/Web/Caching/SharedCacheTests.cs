using System.Net;
using Iiif.Caching;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.Caching;

/// <summary>Issue #5's shared tier seen from clients of two real servers on loopback and a real redis-server: what one
/// instance rendered the other serves without image work, and a Redis outage loses no request.</summary>
[TestFixture]
[Category("Redis")]
[Category("Integration")]
[NonParallelizable]
public class SharedCacheTests
{
    private static readonly DateTime SourceTime = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private RedisServer _redis = null!;

    [SetUp]
    public void StartRedis() => _redis = RedisServer.StartNew();

    [TearDown]
    public void StopRedis() => _redis.Dispose();

    [Test]
    [Description("Issue #5: a second instance behind a load balancer serves what the first rendered (info and image).")]
    public async Task TwoInstances_OneRedis_SecondServesWhatFirstRendered()
    {
        var (first, firstCounts) = await StartAsync();
        await using var _ = first;
        var (second, secondCounts) = await StartAsync();
        await using var __ = second;

        var rendered = await first.Client.GetByteArrayAsync(new Uri("/iiif/3/img/0,0,256,256/256,/0/default.jpg", UriKind.Relative));
        var shared = await second.Client.GetByteArrayAsync(new Uri("/iiif/3/img/0,0,256,256/256,/0/default.jpg", UriKind.Relative));
        var log = await second.StopAndReadLogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(firstCounts.Renders, Is.EqualTo(1));
            Assert.That(secondCounts.Renders, Is.Zero, "the second instance rendered nothing");
            Assert.That(secondCounts.Identifies, Is.Zero, "the image facts came from Redis too");
            Assert.That(shared, Is.EqualTo(rendered));
            Assert.That(log.Any(l => l.Contains("\"tier\":\"shared\"", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    [Description("Issue #5: when Redis goes away mid-run no request is lost; it is logged once; when it is back it is used again.")]
    public async Task RedisStoppedMidRun_EveryRequestAnswered_LoggedOnce()
    {
        var (host, counts) = await StartAsync("--cache:memory:maxSizeMegabytes=0");
        await using var _ = host;
        var tiles = Enumerable.Range(0, 12).Select(i => $"/iiif/3/img/{i % 3 * 200},{i / 3 * 100},200,100/100,/0/default.png").ToArray();

        var before = await GetAllAsync(host, tiles[..4]);
        _redis.Stop();
        var during = await GetAllAsync(host, tiles[..8]);
        _redis.Start();
        var after = await GetAllAsync(host, tiles);
        var log = await host.StopAndReadLogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(before.Concat(during).Concat(after).Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(during[..4].Select(r => r.Body), Is.EqualTo(before.Select(r => r.Body)), "served from disk during the outage");
            Assert.That(after[..8].Select(r => r.Body), Is.EqualTo(during.Select(r => r.Body)));
            Assert.That(counts.Renders, Is.EqualTo(12), "every tile rendered once, outage or not");
            Assert.That(log.Count(l => l.Contains("Shared cache unavailable", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    [Description("Issue #13: while Redis is down no request pays for the reconnect. With 20 s Redis timeouts, a request "
        + "that waited on Redis would take 20 s: those in flight when it stops, those after the retry pause, and /health/ready "
        + "must all answer at render speed, and readiness must stay ready.")]
    public async Task RedisStoppedMidRun_NoRequestWaitsForIt()
    {
        var slow = "127.0.0.1:" + _redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ",connectTimeout=20000,syncTimeout=20000,asyncTimeout=20000";
        var (host, _) = await StartAsync(
            services => services.PostConfigure<CachingOptions>(o => o.Redis.RetryAfterSeconds = 0.2),
            "--cache:redis:configuration=" + slow, "--cache:memory:maxSizeMegabytes=0");
        await using var _ = host;
        var before = await GetAllAsync(host, ["/iiif/3/img/0,0,100,100/50,/0/default.png"]);

        _redis.Stop();
        var inFlight = await TimedConcurrentAsync(host, Tiles("a", 8));
        await Task.Delay(TimeSpan.FromSeconds(1)); // past the retry pause: every request would try Redis again
        var afterPause = await TimedConcurrentAsync(host, [.. Tiles("b", 8), "/health/ready", "/health/ready"]);
        var metrics = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(before.Single().Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(inFlight.Concat(afterPause).Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(inFlight.Concat(afterPause).Select(r => r.Elapsed), Is.All.LessThan(TimeSpan.FromSeconds(10)),
                "no request waited for Redis' 20 s timeouts");
            Assert.That(Web.Metrics.MetricsEndpointTests.Value(metrics, "iiif_cache_tier_state", "tier=\"shared\",state=\"unavailable\""), Is.EqualTo(1));
        });
    }

    private static IEnumerable<string> Tiles(string batch, int count) =>
        Enumerable.Range(0, count).Select(i => $"/iiif/3/img/{i * 50},{(batch == "a" ? 0 : 300)},50,50/25,/0/default.png");

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)[]> TimedConcurrentAsync(RunningHost host, IEnumerable<string> paths) =>
        await Task.WhenAll(paths.Select(async path =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await host.GetAsync(path);
            return (response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }));

    private static async Task<List<(HttpStatusCode Status, byte[] Body)>> GetAllAsync(RunningHost host, IEnumerable<string> paths)
    {
        var results = new List<(HttpStatusCode, byte[])>();
        foreach (var path in paths)
        {
            using var response = await host.GetAsync(path);
            results.Add((response.StatusCode, await response.Content.ReadAsByteArrayAsync()));
        }

        return results;
    }

    private Task<(RunningHost Host, CountingRenderer Counts)> StartAsync(params string[] args) =>
        StartAsync(null, ["--cache:redis:configuration=" + _redis.Configuration, .. args]);

    private static async Task<(RunningHost Host, CountingRenderer Counts)> StartAsync(Action<IServiceCollection>? configure, params string[] args)
    {
        Func<IServiceProvider, CountingRenderer>? counts = null;
        var host = await RunningHost.StartAsync(
            folder =>
            {
                RunningHost.AddImage(folder, "img");
                File.SetLastWriteTimeUtc(Path.Combine(folder.ImagesDirectory, "img.jp2"), SourceTime);
            },
            services =>
            {
                counts = CountingRenderer.Install(services);
                configure?.Invoke(services);
            },
            args);
        return (host, counts!(host.Services));
    }
}

using System.Net;
using Iiif.Tests.TestUtilities;

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

    private async Task<(RunningHost Host, CountingRenderer Counts)> StartAsync(params string[] args)
    {
        Func<IServiceProvider, CountingRenderer>? counts = null;
        var host = await RunningHost.StartAsync(
            folder =>
            {
                RunningHost.AddImage(folder, "img");
                File.SetLastWriteTimeUtc(Path.Combine(folder.ImagesDirectory, "img.jp2"), SourceTime);
            },
            services => counts = CountingRenderer.Install(services),
            ["--cache:redis:configuration=" + _redis.Configuration, .. args]);
        return (host, counts!(host.Services));
    }
}

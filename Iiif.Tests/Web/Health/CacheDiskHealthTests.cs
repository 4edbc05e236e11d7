using System.Net;
using Iiif.Tests.TestUtilities;
using Iiif.Tests.Web.Metrics;

namespace Iiif.Tests.Web.Health;

/// <summary>Issue #13: a cache.root the server cannot write, or a full cache disk (real small filesystems), seen by an
/// operator: the server starts and serves, readiness says degraded with the reason, /metrics has the tier's state, the
/// log has one line with the reason (no stack trace per store), and no temp file is left behind.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class CacheDiskHealthTests
{
    [Test]
    public async Task UnwritableCacheRoot_ServesReportsDegradedAndLogsOnce()
    {
        using var readOnly = SmallFilesystem.MountReadOnly();
        await using var host = await RunningHost.StartAsync(
            f => RunningHost.AddImage(f, "img"), "--cache=" + Path.Combine(readOnly.Path, "cache"), "--cache:memory:maxSizeMegabytes=0");

        var images = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var image = await host.GetAsync($"/iiif/3/img/0,0,{100 + i},100/50,/0/default.png");
            images.Add(image.StatusCode);
        }

        var (status, body) = await ReadinessTests.ReadyAsync(host);
        var metrics = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var log = await host.StopAndReadLogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(images, Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "degraded, still serving");
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("degraded"));
            Assert.That(body.GetProperty("cache").GetString(), Is.EqualTo("unwritable"));
            Assert.That(body.GetProperty("reason").GetString(), Does.Contain("read-only file system"));
            Assert.That(MetricsEndpointTests.Value(metrics, "iiif_cache_tier_state", "tier=\"disk\",state=\"unwritable\""), Is.EqualTo(1));
            Assert.That(MetricsEndpointTests.Value(metrics, "iiif_cache_tier_state", "tier=\"disk\",state=\"ok\""), Is.Zero);
            var failures = log.Where(l => l.Contains("cannot store", StringComparison.Ordinal)).ToList();
            Assert.That(failures, Has.Count.EqualTo(1), "checked at start-up, then held back for the interval");
            Assert.That(failures[0], Does.Not.Contain("\"err\""), "the reason, not a stack trace");
        });
    }

    [Test]
    public async Task FullCacheDisk_ServesReportsDegradedLeavesNoTempFiles()
    {
        using var small = SmallFilesystem.Mount(1024);
        await using var host = await RunningHost.StartAsync(
            f => RunningHost.AddImage(f, "img"),
            "--cache=" + small.Path, "--cache:memory:maxSizeMegabytes=0", "--cache:derivatives:minFreeMegabytes=0");
        small.FillLeaving(4 * 1024);

        var images = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var image = await host.GetAsync($"/iiif/3/img/0,0,{500 + i},400/{500 + i},/0/default.png");
            images.Add(image.StatusCode);
        }

        var (status, body) = await ReadinessTests.ReadyAsync(host);
        var log = await host.StopAndReadLogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(images, Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("degraded"));
            Assert.That(body.GetProperty("cache").GetString(), Is.EqualTo("full"));
            Assert.That(Directory.EnumerateFiles(small.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty);
            Assert.That(log.Count(l => l.Contains("cannot store", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }
}

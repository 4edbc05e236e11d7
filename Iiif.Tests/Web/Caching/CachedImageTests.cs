using Iiif.Caching.Derivatives;
using Iiif.Caching.Derivatives.Disk;
using Iiif.Tests.TestUtilities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.Caching;

/// <summary>The derivative and info caches seen from clients of one real server over real files (what a hit costs, 304s,
/// equivalent URLs and recache are checked without a socket in IiifEndpointTests): a source replaced on disk is never
/// served stale, concurrent misses render once, a damaged cache file is rendered again. The memory tier is off, so the
/// disk tier answers repeats; each test has its own image and counts renders from where it started.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class CachedImageTests
{
    private readonly ArrivalCounter _arrivals = new();
    private RunningHost _host = null!;
    private CountingRenderer _counts = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Func<IServiceProvider, CountingRenderer>? counts = null;
        _host = await RunningHost.StartAsync(
            folder =>
            {
                foreach (var identifier in new[] { "replaced", "concurrent", "truncated" })
                {
                    RunningHost.AddImage(folder, identifier);
                }
            },
            services =>
            {
                counts = CountingRenderer.Install(services);
                services.AddSingleton<IStartupFilter>(_arrivals);
            },
            ["--cache:memory:maxSizeMegabytes=0"]);
        _counts = counts!(_host.Services);
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _host.DisposeAsync();

    [Test]
    [Description("Issue #5: keys include the source version, so a source replaced on disk gives new facts and new pixels.")]
    public async Task Get_SourceReplacedOnDisk_NewInfoAndNewDerivative()
    {
        var renders = _counts.Renders;
        using var infoBefore = await _host.GetAsync("/iiif/3/replaced/info.json");
        using var before = await _host.GetAsync("/iiif/3/replaced/full/max/0/default.png");

        var source = Path.Combine(_host.Folder.ImagesDirectory, "replaced.jp2");
        File.Copy(TestImageFactory.PathOf(TestImageFactory.RgbOddTiled), source, overwrite: true);
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(1));
        using var infoAfter = await _host.GetAsync("/iiif/3/replaced/info.json");
        using var after = await _host.GetAsync("/iiif/3/replaced/full/max/0/default.png");

        Assert.Multiple(async () =>
        {
            Assert.That(await infoBefore.Content.ReadAsStringAsync(), Does.Contain("\"width\": 640").Or.Contain("\"width\":640"));
            Assert.That(await infoAfter.Content.ReadAsStringAsync(), Does.Contain("\"width\": 333").Or.Contain("\"width\":333"));
            Assert.That(_counts.Renders - renders, Is.EqualTo(2));
            Assert.That(after.Headers.ETag, Is.Not.EqualTo(before.Headers.ETag));
            Assert.That(await after.Content.ReadAsByteArrayAsync(), Is.Not.EqualTo(await before.Content.ReadAsByteArrayAsync()));
        });
    }

    [Test]
    [Description("Issue #5: 50 concurrent identical misses render once; every client gets the same bytes.")]
    public async Task Get_FiftyConcurrentMisses_RenderOnce()
    {
        const string tile = "/iiif/3/concurrent/0,0,256,256/128,/0/default.jpg";
        var renders = _counts.Renders;
        var arrived = _arrivals.Arrived;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _counts.Gate = gate;
        try
        {
            var requests = Enumerable.Range(0, 50).Select(_ => _host.Client.GetByteArrayAsync(new Uri(tile, UriKind.Relative))).ToArray();
            await _arrivals.WaitForAsync(arrived + 50, TimeSpan.FromSeconds(60));
            gate.SetResult();
            var bodies = await Task.WhenAll(requests);

            Assert.Multiple(() =>
            {
                Assert.That(_counts.Renders - renders, Is.EqualTo(1));
                Assert.That(bodies.Select(Convert.ToBase64String).Distinct().Count(), Is.EqualTo(1));
                Assert.That(bodies[0], Is.Not.Empty);
            });
        }
        finally
        {
            gate.TrySetResult();
            _counts.Gate = null;
        }
    }

    [Test]
    [Description("Issue #5: a truncated cache file is detected and rendered again, never served.")]
    public async Task Get_TruncatedCacheFile_IsRenderedAgain()
    {
        var tile = new Uri("/iiif/3/truncated/0,0,256,256/128,/0/default.jpg", UriKind.Relative);
        var renders = _counts.Renders;
        var original = await _host.Client.GetByteArrayAsync(tile);
        var folder = new DiskLayout(_host.Folder.CacheDirectory).GroupFolder(DerivativeId.GroupOf("truncated"));
        // The disk write happens behind the response (cache.derivatives.writeBehindMegabytes).
        await Until.TrueAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "*.bin").Length == 1, "the cached tile on disk");
        var cached = Directory.GetFiles(folder, "*.bin").Single();
        await using (var file = new FileStream(cached, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(file.Length / 2);
        }

        var again = await _host.Client.GetByteArrayAsync(tile);
        var third = await _host.Client.GetByteArrayAsync(tile);
        await Until.TrueAsync(() => File.Exists(cached) && new FileInfo(cached).Length == original.Length, "the repaired entry written behind the response");

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(original));
            Assert.That(third, Is.EqualTo(original));
            Assert.That(_counts.Renders - renders, Is.EqualTo(2), "rendered again once, then served from the repaired entry");
            Assert.That(new FileInfo(cached).Length, Is.EqualTo(original.Length));
        });
    }
}

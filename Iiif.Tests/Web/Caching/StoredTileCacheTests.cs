using System.Net;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Web.Caching;

/// <summary>Issue #10: a tile served as stored in a TIFF pyramid is kept in the memory tier only; a disk copy would cost a
/// write per tile and be no cheaper to read than the pyramid itself. Rendered derivatives still go to disk.</summary>
[TestFixture]
[Category("Integration")]
public class StoredTileCacheTests
{
    private const string StoredTile = "/iiif/3/pyramid/128,128,128,128/128,128/0/default.jpg";
    private const string Resized = "/iiif/3/pyramid/128,128,128,128/64,/0/default.jpg";

    [Test]
    [Description("The stored tile: same bytes twice, read from the source once, nothing on disk; the resized one is on disk.")]
    public async Task Get_StoredTile_MemoryOnly_RenderedTileOnDisk()
    {
        Func<IServiceProvider, CountingRenderer>? install = null;
        await using var host = await RunningHost.StartAsync(
            folder => File.Copy(TiffTestImages.PathOf("jpeg-chain"), Path.Combine(folder.ImagesDirectory, "pyramid.tif")),
            services => install = CountingRenderer.Install(services),
            []);
        var counts = install!(host.Services);

        using var first = await host.GetAsync(StoredTile);
        using var second = await host.GetAsync(StoredTile);
        using var resized = await host.GetAsync(Resized);
        // Disk writes go behind the response, one queue in order: once the resized tile is on disk, a copy of the stored
        // tile, asked for first, would be there too.
        string[] Cached() => Directory.GetFiles(host.Folder.CacheDirectory, "*.bin", SearchOption.AllDirectories);
        await Until.TrueAsync(() => Cached().Length > 0, "the rendered derivative written behind its response");
        var cachedAfterResized = Cached();

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
            Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(counts.Renders, Is.EqualTo(2), "the stored tile once (then from memory), the resized one once");
            Assert.That(resized.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(cachedAfterResized, Has.Length.EqualTo(1), "the rendered derivative only: the stored tile is not copied to disk");
        });
    }
}

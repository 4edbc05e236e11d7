using System.Globalization;
using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Web.RemoteSources;

/// <summary>What a tile of a big tiled JPEG 2000 (10000x7500, 1024 px tiles, TLM and PLT, made at test time by vips
/// and opj_compress) costs upstream, counted in nginx's access log: a few ranged reads of no more than three times the
/// bytes of the tile-parts it needs, and a second tile reuses the cached header ranges.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class HttpRangeReadTests
{
    private static readonly Lazy<string> BigFile = new(MakeBigFile);

    [Test]
    public async Task OneTile_FetchesOnlyItsTileParts_AndASecondTileReusesTheHeader()
    {
        using var nginx = NginxUpstream.Start();
        nginx.Add(BigFile.Value, "images/big.jp2");
        await using var host = await RunningHost.StartAsync(folder => folder.WriteConfig("local.yml", RemoteSourceHost.Config(
            string.Create(CultureInfo.InvariantCulture, $"""
                  - name: web
                    prefix: web/
                    type: http
                    http:
                      urlTemplate: {nginx.BaseUrl}/images/{"{path}"}
                """))));
        var index = TilePartIndex.TryRead(File.ReadAllBytes(BigFile.Value).AsSpan(0, 64 * 1024), new FileInfo(BigFile.Value).Length)!;

        using (var first = await host.GetAsync("/iiif/3/web%2Fbig.jp2/2048,2048,256,256/256,/0/default.jpg"))
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200), await first.Content.ReadAsStringAsync());
        }

        var firstReads = nginx.Requests().Where(r => r.Method == "GET").ToList();
        var needed = TilePartBytes(index, new PixelRect(2048, 2048, 256, 256));
        Assert.That(firstReads, Has.Count.InRange(1, 4), string.Join("\n", firstReads));
        Assert.That(firstReads.Sum(r => r.Bytes), Is.LessThanOrEqualTo(3 * needed), $"fetched {firstReads.Sum(r => r.Bytes)} for {needed} bytes of tile-parts");

        using (var second = await host.GetAsync("/iiif/3/web%2Fbig.jp2/5120,4096,256,256/256,/0/default.jpg"))
        {
            Assert.That((int)second.StatusCode, Is.EqualTo(200));
        }

        var secondReads = nginx.Requests().Where(r => r.Method == "GET").Skip(firstReads.Count).ToList();
        await TestContext.Out.WriteLineAsync($"first tile: {firstReads.Count} reads, {firstReads.Sum(r => r.Bytes)} bytes for {needed} bytes of tile-parts; second: {secondReads.Count} reads, {secondReads.Sum(r => r.Bytes)} bytes");
        Assert.That(secondReads, Has.Count.InRange(1, 2), string.Join("\n", secondReads));
        Assert.That(secondReads.Select(r => r.Range), Has.None.StartWith("bytes=0-"), "the header ranges come from the cache");
        Assert.That(secondReads.Sum(r => r.Bytes), Is.LessThanOrEqualTo(3 * TilePartBytes(index, new PixelRect(5120, 4096, 256, 256))));
    }

    private static long TilePartBytes(TilePartIndex index, PixelRect region) =>
        index.RangesFor(region).Skip(index.HeaderRanges.Count).Sum(r => r.Length);

    private static string MakeBigFile()
    {
        var folder = TestImageFactory.Folder;
        var noise = Path.Combine(folder, "big-noise.v");
        var pgm = Path.Combine(folder, "big-10000x7500.pgm");
        var jp2 = Path.Combine(folder, "big-10000x7500-tiled1024-tlm-plt.jp2");
        var timeout = TimeSpan.FromMinutes(5);
        ExternalTool.Run("vips", "libvips-tools", timeout, "gaussnoise", noise, "10000", "7500", "--mean", "128", "--sigma", "40");
        ExternalTool.Run("vips", "libvips-tools", timeout, "cast", noise, pgm, "uchar");
        ExternalTool.Run("opj_compress", "libopenjp2-tools", timeout,
            "-i", pgm, "-o", jp2, "-t", "1024,1024", "-n", "7", "-r", "8", "-p", "RPCL", "-TLM", "-PLT");
        File.Delete(noise);
        File.Delete(pgm);
        return jp2;
    }
}

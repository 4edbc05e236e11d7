using Iiif.Core.Geometry;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>The JPEG 2000 block cache decodes a tile once for its neighbouring regions, shares one decode between
/// concurrent requests, keeps within its budget, and steps aside where a block cannot serve a region.</summary>
[TestFixture]
public class Jpeg2000BlockCacheTests
{
    private static readonly string Tiled = TestImageFactory.PathOf(TestImageFactory.RgbTiled);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [Description("Sixteen 64-pixel regions of one 256-pixel tile are cut from a single decode of that tile.")]
    public void Decode_SixteenRegionsOfOneTile_DecodesTileOnce(int reduce)
    {
        var decoder = Decoder(256);
        var source = new FileSourceHandle(Tiled);

        for (var i = 0; i < 16; i++)
        {
            using var tile = decoder.Decode(source, Plan(256 + (i % 4 * 64), i / 4 * 64, 64, 64, reduce), CancellationToken.None);
            Assert.That(tile.Width, Is.EqualTo(64 >> reduce));
        }

        Assert.That(decoder.Blocks.Images!.DecodeCount, Is.EqualTo(1));
        Assert.That(decoder.Blocks.Images!.UsedBytes, Is.EqualTo((256 >> reduce) * (256 >> reduce) * 3));
    }

    [Test]
    [Description("Concurrent requests inside one tile share one decode (held open until all 8 have queued).")]
    public async Task Decode_EightConcurrentRequests_DecodeOnce()
    {
        var decoder = Decoder(256);
        var source = new FileSourceHandle(Tiled);
        var key = new DecodedImageKey(Tiled, source.Version, Block: 1, Reduction: 0);
        var cache = decoder.Blocks.Images!;

        var (widths, allQueued) = await SingleFlightProbe.RunAsync(cache, key, 8, i =>
        {
            using var tile = decoder.Decode(source, Plan(256 + (i * 32), 0, 32, 32, 0), CancellationToken.None);
            return tile.Width;
        });

        Assert.That(allQueued, Is.True, "all eight requests waited on the one decode");
        Assert.That(cache.DecodeCount, Is.EqualTo(1));
        Assert.That(widths, Is.All.EqualTo(32));
        Assert.That(cache.Leases(key), Is.Zero);
    }

    [Test]
    [Description("Past the budget the least recently used tile is evicted, and asking for it again decodes it again.")]
    public void Decode_MoreTilesThanBudget_EvictsOldest()
    {
        var decoder = Decoder(1);
        var source = new FileSourceHandle(Tiled);

        // All six tiles at full resolution (640 x 480 x 3 = 921 600 bytes), then at r1 (230 400): past 1 MiB at the
        // fourth r1 tile, when evicting the oldest (196 608) makes room.
        for (var i = 0; i < 12; i++)
        {
            using var tile = decoder.Decode(source, Plan(i % 3 * 256, i / 3 % 2 * 256, 10, 10, i / 6), CancellationToken.None);
        }

        var cache = decoder.Blocks.Images!;
        Assert.That(cache.DecodeCount, Is.EqualTo(12));
        Assert.That(cache.UsedBytes, Is.LessThanOrEqualTo(cache.BudgetBytes));
        using (decoder.Decode(source, Plan(300, 0, 10, 10, 0), CancellationToken.None))
        {
            Assert.That(cache.DecodeCount, Is.EqualTo(12), "the second tile is still cached");
        }

        using (decoder.Decode(source, Plan(0, 0, 10, 10, 0), CancellationToken.None))
        {
            Assert.That(cache.DecodeCount, Is.EqualTo(13), "the first tile had been evicted");
        }
    }

    [Test]
    [Description("blockCacheMegabytes 0 turns the cache off; regions decode directly with the same pixels.")]
    public void Decode_CacheOff_DecodesDirectly()
    {
        var decoder = Decoder(0);
        using var direct = new Jpeg2000Reader().Decode(Tiled, new PixelRect(300, 20, 64, 64), 1);

        using var tile = decoder.Decode(new FileSourceHandle(Tiled), Plan(300, 20, 64, 64, 1), CancellationToken.None);

        Assert.That(decoder.Blocks.Images, Is.Null);
        Assert.That(PixelData.Of(tile).Samples, Is.EqualTo(PixelData.Of(direct).Samples));
    }

    [TestCase(TestImageFactory.RgbTiled, 200, 150, 300, 200, 0, Description = "a region crossing four tiles")]
    [TestCase(TestImageFactory.RgbTiled, 255, 0, 2, 2, 0, Description = "two pixels straddling a tile edge")]
    [TestCase(TestImageFactory.RgbTiled, 257, 1, 1, 1, 2, Description = "too small for one reduced pixel")]
    [TestCase(TestImageFactory.RgbSingleTile, 10, 10, 50, 50, 1, Description = "a single-tile file")]
    [TestCase(TestImageFactory.Sycc420, 10, 10, 50, 50, 1, Description = "subsampled components")]
    [Description("Regions no single block can serve decode directly, with the same pixels.")]
    public void Decode_RegionNoBlockServes_DecodesDirectly(string name, int x, int y, int width, int height, int reduce)
    {
        var path = TestImageFactory.PathOf(name);
        var decoder = Decoder(256);
        using var direct = new Jpeg2000Reader().Decode(path, new PixelRect(x, y, width, height), reduce);

        using var tile = decoder.Decode(new FileSourceHandle(path), Plan(x, y, width, height, reduce), CancellationToken.None);

        Assert.That(decoder.Blocks.Images!.DecodeCount, Is.Zero);
        Assert.That(PixelData.Of(tile).Samples, Is.EqualTo(PixelData.Of(direct).Samples));
    }

    [Test]
    [Description("A tile needing more than a quarter of the budget is not cached.")]
    public void TryDecode_BlockOverQuarterOfBudget_ReturnsNull()
    {
        using var blocks = new DecodedBlockCache(budgetBytes: 4 * 100_000);
        var cache = new Jpeg2000BlockCache(new Jpeg2000Reader(), Configuration.Default, blocks, new SourceFactsCache());
        var version = new FileSourceHandle(Tiled).Version;

        using var atFull = cache.TryDecode(Tiled, version, new PixelRect(0, 0, 64, 64), 0, CancellationToken.None);
        using var reduced = cache.TryDecode(Tiled, version, new PixelRect(0, 0, 64, 64), 1, CancellationToken.None);

        Assert.That(atFull, Is.Null, "256x256x3 = 196 608 bytes > 100 000");
        Assert.That(reduced, Is.Not.Null, "128x128x3 = 49 152 bytes fits");
        Assert.That(cache.Images!.DecodeCount, Is.EqualTo(1));
    }

    [Test]
    [Description("A replaced file (new version) is decoded afresh rather than served from the old tile.")]
    public void Decode_NewVersion_DecodesAgain()
    {
        var decoder = Decoder(256);

        using (decoder.Decode(new FileSourceHandle(Tiled, ticks: 1), Plan(0, 0, 64, 64, 0), CancellationToken.None))
        using (decoder.Decode(new FileSourceHandle(Tiled, ticks: 2), Plan(64, 0, 64, 64, 0), CancellationToken.None))
        {
            Assert.That(decoder.Blocks.Images!.DecodeCount, Is.EqualTo(2));
        }
    }

    [TestCase(TestImageFactory.RgbTiled, 0)]
    [TestCase(TestImageFactory.RgbTiled, 1)]
    [TestCase(TestImageFactory.RgbLossy, 0)]
    [Description("A region cut from a cached block (whose decode OpenJPEG shares among threads) has exactly the pixels of "
        + "a direct single-threaded decode.")]
    public void Decode_FromBlock_HasTheDirectDecodesPixels(string name, int reduce)
    {
        var path = TestImageFactory.PathOf(name);
        var decoder = Decoder(256);
        using var direct = new Jpeg2000Reader().Decode(path, new PixelRect(64, 32, 128, 96), reduce);

        using var tile = decoder.Decode(new FileSourceHandle(path), Plan(64, 32, 128, 96, reduce), CancellationToken.None);

        Assert.That(decoder.Blocks.Images!.DecodeCount, Is.EqualTo(1), "served from a block");
        Assert.That(PixelData.Of(tile).Samples, Is.EqualTo(PixelData.Of(direct).Samples));
    }

    [Test]
    [Description("A local file with TLM markers is read through its tile-part index: one tile's region reads the header and "
        + "that tile, not every tile-part header on the way (each would fill OpenJPEG's 128 KB buffer), with the same pixels.")]
    public void Decode_LocalFileWithTlm_ReadsOnlyTheTilesItNeeds()
    {
        var length = new FileInfo(Tiled).Length;
        long read = 0;
        using var blocks = new DecodedBlockCache(budgetBytes: 0);
        var cache = new Jpeg2000BlockCache(new Jpeg2000Reader(), Configuration.Default, blocks, new SourceFactsCache(),
            (path, token) => new CountingReader(new FileSourceReader(path, token), count => Interlocked.Add(ref read, count)));
        var version = new FileSourceHandle(Tiled).Version;
        cache.FactsOf(Tiled, version, CancellationToken.None);
        using var direct = new Jpeg2000Reader().Decode(Tiled, new PixelRect(300, 10, 100, 100), 0);

        read = 0;
        using var region = cache.Decode(Tiled, version, new PixelRect(300, 10, 100, 100), 0, CancellationToken.None);

        Assert.That(PixelData.Of(region).Samples, Is.EqualTo(PixelData.Of(direct).Samples));
        Assert.That(read, Is.LessThan(length / 3), $"one of six tiles of a {length}-byte file");
    }

    internal static Jpeg2000SourceDecoder Decoder(int megabytes) =>
        new(Configuration.Default, new DecodedBlockCache(Options.Create(new DecodedBlockCacheOptions { BlockCacheMegabytes = megabytes })), new SourceFactsCache());

    private static Iiif.Core.Planning.RenderPlan Plan(int x, int y, int width, int height, int reduce) =>
        RenderPlanBuilder.ForRegion(x, y, width, height).ReducedBy(reduce).Build();

    private sealed class CountingReader(ISourceReader inner, Action<int> count) : ISourceReader
    {
        public long Length => inner.Length;

        public int Read(long offset, Span<byte> destination)
        {
            var read = inner.Read(offset, destination);
            count(read);
            return read;
        }

        public void Dispose() => inner.Dispose();
    }
}

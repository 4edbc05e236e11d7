using Iiif.Core.Diagnostics;
using Iiif.Core.Info;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff;
using Iiif.Tests.Imaging.Tiff;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>The decoded-block cache and the source-facts cache that the JPEG 2000 and TIFF decoders share: one budget,
/// one statistic, single flight for TIFF tiles as for JPEG 2000 tiles, a bounded facts map.</summary>
[TestFixture]
public class SharedDecoderCacheTests
{
    [Test]
    [Description("Sixteen 32-pixel regions inside one 128-pixel TIFF tile are cut from one decode of it, with a direct decode's pixels.")]
    public void Decode_RegionsInsideOneTiffTile_DecodeTileOnce()
    {
        using var blocks = new DecodedBlockCache(64L * 1024 * 1024);
        var decoder = Tiff(blocks);
        var source = new FileSourceHandle(TiffTestImages.PathOf("deflate-chain"));
        var reference = TiffReference.Load(TiffTestImages.ReferenceOf("deflate-chain", 0), 3, associatedAlpha: false);

        for (var i = 0; i < 16; i++)
        {
            var (x, y) = (128 + (i % 4 * 32), 256 + (i / 4 * 32));
            using var region = decoder.Decode(source, RenderPlanBuilder.ForRegion(x, y, 32, 32).Build(), CancellationToken.None);
            Assert.That(PixelData.Of(region).MaxError(reference.Crop(new Iiif.Core.Geometry.PixelRect(x, y, 32, 32))), Is.Zero);
        }

        var statistics = blocks.GetStatistics().Single();
        Assert.That(blocks.Images!.DecodeCount, Is.EqualTo(1));
        Assert.That((statistics.Cache, statistics.Entries, statistics.Bytes, statistics.Hits, statistics.Misses), Is.EqualTo(("decoded-blocks", 1L, 128L * 128 * 3, 15L, 1L)));
    }

    [Test]
    [Description("A region made of whole tiles decodes them for itself: nobody is likely to want them again soon.")]
    public void Decode_WholeTiles_AreNotCached()
    {
        using var blocks = new DecodedBlockCache(64L * 1024 * 1024);
        var decoder = Tiff(blocks);

        using var region = decoder.Decode(new FileSourceHandle(TiffTestImages.PathOf("deflate-chain")), RenderPlanBuilder.ForRegion(128, 128, 256, 256).Build(), CancellationToken.None);

        Assert.That((blocks.Images!.DecodeCount, blocks.Images.UsedBytes), Is.EqualTo((0, 0L)));
    }

    [Test]
    [Description("Concurrent requests inside one TIFF tile share one decode (held open until all 8 have queued).")]
    public async Task Decode_EightConcurrentRequestsInOneTiffTile_DecodeOnce()
    {
        using var blocks = new DecodedBlockCache(64L * 1024 * 1024);
        var decoder = Tiff(blocks);
        var source = new FileSourceHandle(TiffTestImages.PathOf("lzw-chain"));
        var key = new DecodedImageKey(TiffTestImages.PathOf("lzw-chain"), source.Version, Block: 0, Reduction: 0);
        var cache = blocks.Images!;

        var (widths, allQueued) = await SingleFlightProbe.RunAsync(cache, key, 8, i =>
        {
            using var tile = decoder.Decode(source, RenderPlanBuilder.ForRegion(i * 16, 0, 16, 16).Build(), CancellationToken.None);
            return tile.Width;
        });

        Assert.That(allQueued, Is.True, "all eight requests waited on the one decode");
        Assert.That((cache.DecodeCount, cache.Leases(key)), Is.EqualTo((1, 0)));
        Assert.That(widths, Is.All.EqualTo(16));
    }

    [Test]
    [Description("JPEG 2000 and TIFF blocks share one budget: both kinds are entries of the one decoded-blocks cache.")]
    public void Decode_Jpeg2000AndTiff_ShareOneCache()
    {
        using var blocks = new DecodedBlockCache(64L * 1024 * 1024);
        var facts = new SourceFactsCache();
        var jpeg2000 = new Jpeg2000SourceDecoder(Configuration.Default, blocks, facts);
        var tiff = Tiff(blocks, facts);

        using (jpeg2000.Decode(new FileSourceHandle(TestImageFactory.PathOf(TestImageFactory.RgbTiled)), RenderPlanBuilder.ForRegion(10, 10, 20, 20).Build(), CancellationToken.None))
        using (tiff.Decode(new FileSourceHandle(TiffTestImages.PathOf("deflate-chain")), RenderPlanBuilder.ForRegion(10, 10, 20, 20).Build(), CancellationToken.None))
        {
        }

        Assert.That(blocks.GetStatistics().Single().Entries, Is.EqualTo(2));
        Assert.That(facts.GetStatistics().Single(), Has.Property(nameof(CacheStatistics.Entries)).EqualTo(2L).And.Property(nameof(CacheStatistics.Cache)).EqualTo("source-facts"));
    }

    [Test]
    [Description("Blocks past the budget are evicted and counted.")]
    public void Decode_PastBudget_CountsEvictions()
    {
        using var blocks = new DecodedBlockCache(4 * 128 * 128 * 3);
        var decoder = Tiff(blocks);
        var source = new FileSourceHandle(TiffTestImages.PathOf("deflate-chain"));

        for (var tile = 0; tile < 6; tile++)
        {
            using var region = decoder.Decode(source, RenderPlanBuilder.ForRegion(tile * 128, 0, 10, 10).Build(), CancellationToken.None);
        }

        var statistics = blocks.GetStatistics().Single();
        Assert.That(statistics.Evictions, Is.GreaterThanOrEqualTo(2));
        Assert.That(statistics.Bytes, Is.LessThanOrEqualTo(4L * 128 * 128 * 3));
    }

    [Test]
    [Description("The facts map is a bounded LRU: replaced versions age out instead of the whole map being cleared.")]
    public void FactsCache_PastCapacity_EvictsLeastRecentlyUsed()
    {
        var facts = new SourceFactsCache(capacity: 8);
        for (var i = 0; i < 40; i++)
        {
            facts.GetOrAdd("a.tif", new SourceVersion(DateTimeOffset.UnixEpoch, i), () => new object());
            facts.GetOrAdd("hot.tif", new SourceVersion(DateTimeOffset.UnixEpoch, 1), () => new object());
        }

        var statistics = facts.GetStatistics().Single();
        Assert.That(statistics.Entries, Is.LessThanOrEqualTo(8));
        Assert.That(statistics.Evictions, Is.GreaterThan(0));
        Assert.That(statistics.Hits, Is.GreaterThanOrEqualTo(38), "the hot entry stays");
    }

    private static TiffSourceDecoder Tiff(DecodedBlockCache blocks, SourceFactsCache? facts = null) =>
        new(Configuration.Default, blocks, facts ?? new SourceFactsCache(), new TiffTileIndexCache(), Options.Create(new TiffSourceDecoderOptions()));
}

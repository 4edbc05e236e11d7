using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging;
using Iiif.Imaging.Tiff;
using Iiif.Imaging.Tiff.Native;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Tiff;

/// <summary>Stored tiles are read through the source's tile index (one positional read, no libtiff handle per request):
/// the bytes equal libtiff's own raw read of the tile with the tables spliced in, a changed file gets a new index, and a
/// tile whose bytes lie past the end fails with the decoder's typed error.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class TiffTileIndexTests
{
    [TestCase("jpeg-chain")]
    [TestCase("jpeg-subifd")]
    [TestCase("gray-jpeg-chain")]
    [TestCase("jpeg-icc-chain")]
    public void TryReadStoredTile_EveryWholeTile_EqualsLibtiffRawReadSpliced(string name)
    {
        var path = TiffTestImages.PathOf(name);
        var decoder = TiffDecoders.Create();
        var source = new FileSourceHandle(path);
        var facts = decoder.FactsOf(source, CancellationToken.None);
        var info = decoder.Identify(source, CancellationToken.None);
        var compared = 0;
        foreach (var level in facts.Levels.Where(l => l.Directory.IsTiled))
        {
            foreach (var (x, y) in WholeTiles(level.Directory))
            {
                var bytes = decoder.TryReadStoredTile(source, TilePlan(info, level.Reduction, x, y), CancellationToken.None);
                var index = ((y / TiffTestImages.Tile) * level.Directory.BlocksAcross) + (x / TiffTestImages.Tile);
                Assert.That(bytes, Is.EqualTo(LibtiffStoredTile(path, facts, level, index)), $"{name} r{level.Reduction} {x},{y}");
                compared++;
            }
        }

        Assert.That(compared, Is.EqualTo((7 * 5) + (3 * 2) + 1));
    }

    [Test]
    [Description("A file replaced in place (new length and time) is read through a new index, never the old tile places.")]
    public void TryReadStoredTile_FileReplaced_ServesTheNewFile()
    {
        var path = Path.Combine(TestImageFactory.Folder, $"replaced-{Guid.NewGuid():N}.tif");
        File.Copy(TiffTestImages.PathOf("jpeg-chain"), path);
        var decoder = TiffDecoders.Create();
        var before = new FileSourceHandle(path, ticks: 1);
        var plan = TilePlan(decoder.Identify(before, CancellationToken.None), 0, 128, 128);
        var old = decoder.TryReadStoredTile(before, plan, CancellationToken.None);

        File.Copy(TiffTestImages.PathOf("jpeg-icc-chain"), path, overwrite: true);
        var after = new FileSourceHandle(path, ticks: 2);
        var served = decoder.TryReadStoredTile(after, plan, CancellationToken.None);

        var facts = decoder.FactsOf(after, CancellationToken.None);
        Assert.That(served, Is.EqualTo(LibtiffStoredTile(path, facts, facts.Levels[0], facts.Levels[0].Directory.BlocksAcross + 1)));
        Assert.That(served, Is.Not.EqualTo(old));
        File.Delete(path);
    }

    [Test]
    [Description("A tile offset past the end of the file is the decoder's typed error, as libtiff's raw read gave.")]
    public void TryReadStoredTile_OffsetPastEnd_ThrowsImageDecodeException()
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("jpeg-chain"));
        new TiffEntries(bytes).SetElement(0, 324, 9, (ulong)bytes.Length + 4096);
        var decoder = TiffDecoders.Create();
        var source = new BytesSourceHandle(bytes);
        var info = decoder.Identify(source, CancellationToken.None);

        Assert.That(decoder.TryReadStoredTile(source, TilePlan(info, 0, 256, 0), CancellationToken.None), Is.Not.Null, "other tiles still served");
        var failure = Assert.Throws<ImageDecodeException>(() => decoder.TryReadStoredTile(source, TilePlan(info, 0, 128, 128), CancellationToken.None));
        Assert.That(failure!.Message, Does.Contain("tile 9"));
    }

    [Test]
    [Description("A byte count running past the end is the typed error too; an absurd one is not served as stored bytes.")]
    public void TryReadStoredTile_ByteCountPastEnd_ThrowsOrDeclines()
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("jpeg-chain"));
        var entries = new TiffEntries(bytes);
        entries.SetElement(0, 325, 1, (ulong)bytes.Length - entries.Element(0, 324, 1) + 10);
        entries.SetElement(0, 325, 2, 0xFFFFFFF0);
        var decoder = TiffDecoders.Create();
        var source = new BytesSourceHandle(bytes);
        var info = decoder.Identify(source, CancellationToken.None);

        Assert.Throws<ImageDecodeException>(() => decoder.TryReadStoredTile(source, TilePlan(info, 0, 128, 0), CancellationToken.None));
        Assert.That(decoder.TryReadStoredTile(source, TilePlan(info, 0, 256, 0), CancellationToken.None), Is.Null);
    }

    [Test]
    public void Statistics_OneIndexPerSourceVersion()
    {
        var indexes = new TiffTileIndexCache(capacity: 8);
        var first = indexes.For("a.tif", new SourceVersion(DateTimeOffset.UnixEpoch, 10));

        Assert.That(indexes.For("a.tif", new SourceVersion(DateTimeOffset.UnixEpoch, 10)), Is.SameAs(first));
        Assert.That(indexes.For("a.tif", new SourceVersion(DateTimeOffset.UnixEpoch, 11)), Is.Not.SameAs(first));
        var statistics = indexes.GetStatistics().Single();
        Assert.That(statistics.Cache, Is.EqualTo(TiffTileIndexCache.Name));
        Assert.That((statistics.Entries, statistics.Hits, statistics.Misses), Is.EqualTo((2L, 1L, 2L)));
    }

    /// <summary>What the stored tile was before the index: libtiff's raw read of the tile through a fresh handle, spliced.</summary>
    private static unsafe byte[]? LibtiffStoredTile(string path, TiffFacts facts, TiffLevel level, int index)
    {
        using var bytes = new TiffByteSource(File.OpenRead(path));
        using var tif = TiffHandle.OpenRead(bytes, headerOnly: true, CancellationToken.None);
        Assert.That(NativeMethods.SetSubDirectory(tif, level.Directory.Offset), Is.Not.Zero);
        var raw = new byte[NativeMethods.GetStrileByteCount(tif, (uint)index, out _)];
        fixed (byte* data = raw)
        {
            Assert.That((long)NativeMethods.ReadRawTile(tif, (uint)index, data, raw.Length), Is.EqualTo(raw.Length));
        }

        var rgb = level.Directory.Layout.Photometric == TiffCodes.PhotometricRgb;
        return JpegTileSplicer.Splice(level.Directory.JpegTables.Span, raw, facts.IccProfile.Span, rgb);
    }

    private static IEnumerable<(int X, int Y)> WholeTiles(TiffDirectory directory)
    {
        for (var y = 0; y + TiffTestImages.Tile <= directory.Height; y += TiffTestImages.Tile)
        {
            for (var x = 0; x + TiffTestImages.Tile <= directory.Width; x += TiffTestImages.Tile)
            {
                yield return (x, y);
            }
        }
    }

    private static RenderPlan TilePlan(ImageInfo info, int reduction, int x, int y)
    {
        var s = 1 << reduction;
        var region = new PixelRect(x * s, y * s, Math.Min(TiffTestImages.Tile * s, info.Width - (x * s)), Math.Min(TiffTestImages.Tile * s, info.Height - (y * s)));
        return RenderPlanBuilder.ForRegion(region.X, region.Y, region.Width, region.Height).ReducedBy(reduction).OnLevelsOf(info).As(ImageFormat.Jpg).Build();
    }
}

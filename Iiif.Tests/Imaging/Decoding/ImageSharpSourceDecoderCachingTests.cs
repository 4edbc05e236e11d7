using Iiif.Imaging.Decoding;
using Iiif.Tests.Imaging.Sources;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>Decode once, keep within the memory budget, refuse what cannot fit.</summary>
[TestFixture]
public class ImageSharpSourceDecoderCachingTests
{
    [Test]
    [Description("Tiles of one source are cut from a single decode.")]
    public void Decode_SeveralRegionsOfOneSource_DecodesOnce()
    {
        using var decoder = SourceImages.Decoder();
        using var image = Quadrants(64, 48);
        var source = new BytesSourceHandle(SourceImages.Encode(image, SourceFormat.Jpeg));

        for (var x = 0; x < 64; x += 16)
        {
            using var tile = decoder.Decode(source, RenderPlanBuilder.ForRegion(x, 0, 16, 16).Build(), CancellationToken.None);
        }

        Assert.That(decoder.Cache.DecodeCount, Is.EqualTo(1));
        Assert.That(decoder.Cache.UsedBytes, Is.EqualTo(64 * 48 * 3), "a colour JPEG is kept as Rgb24");
    }

    [Test]
    [Description("Concurrent requests for one undecoded source share one decode (held open until all 8 have queued).")]
    public async Task Decode_EightConcurrentRequests_DecodeOnce()
    {
        using var decoder = SourceImages.Decoder();
        using var image = SourceImages.Coordinates(200, 150);
        var source = new BytesSourceHandle(SourceImages.Encode(image, SourceFormat.Png));
        var (corners, allQueued) = await SingleFlightProbe.RunAsync(decoder.Cache, KeyOf(source), 8, i =>
        {
            using var tile = decoder.Decode(source, RenderPlanBuilder.ForRegion(i * 20, i * 10, 20, 10).Build(), CancellationToken.None);
            using var rgb = tile.CloneAs<Rgb24>();
            return rgb[0, 0];
        });

        Assert.That(allQueued, Is.True, "all eight requests waited on the one decode");
        Assert.That(decoder.Cache.DecodeCount, Is.EqualTo(1));
        Assert.That(corners, Is.EqualTo(Enumerable.Range(0, 8).Select(i => SourceImages.CoordinateColour(i * 20, i * 10))));
        Assert.That(decoder.Cache.Leases(KeyOf(source)), Is.Zero);
    }

    [Test]
    [Description("A source whose decoded pixels exceed the budget is refused from its header, before decoding.")]
    public void Decode_SourceLargerThanBudget_ThrowsSourceTooLarge()
    {
        using var decoder = SourceImages.Decoder(budgetMegabytes: 1);
        using var image = Solid(1024, 512, Red);
        var source = new BytesSourceHandle(SourceImages.Encode(image, SourceFormat.Png));

        var error = Assert.Throws<SourceTooLargeException>(
            () => decoder.Decode(source, RenderPlanBuilder.ForRegion(0, 0, 16, 16).Build(), CancellationToken.None));

        Assert.That(error!.RequiredBytes, Is.EqualTo(1024 * 512 * 3));
        Assert.That(error.BudgetBytes, Is.EqualTo(1024 * 1024));
        Assert.That(decoder.Cache.DecodeCount, Is.Zero);
        Assert.That(decoder.Identify(source, CancellationToken.None).Width, Is.EqualTo(1024), "Identify still works");
    }

    [Test]
    [Description("Least recently used images leave first when the budget is full.")]
    public void Decode_BudgetFull_EvictsLeastRecentlyUsed()
    {
        using var decoder = SourceImages.Decoder(budgetMegabytes: 1);
        var sources = Enumerable.Range(0, 3).Select(i =>
        {
            using var image = Solid(400, 400, Blue);
            return new BytesSourceHandle(SourceImages.Encode(image, SourceFormat.Png), $"s{i}", ticks: i + 1);
        }).ToArray();

        DecodeCorner(decoder, sources[0]);
        DecodeCorner(decoder, sources[1]);
        DecodeCorner(decoder, sources[0]);
        DecodeCorner(decoder, sources[2]);
        DecodeCorner(decoder, sources[0]);
        DecodeCorner(decoder, sources[1]);

        Assert.That(decoder.Cache.DecodeCount, Is.EqualTo(4), "s0, s1, s2 once each, then s1 again after eviction");
        Assert.That(decoder.Cache.UsedBytes, Is.LessThanOrEqualTo(decoder.Cache.BudgetBytes));
    }

    [Test]
    [Description("A source replaced on disk gets a new version, so it is decoded afresh, never served stale.")]
    public async Task Decode_FileReplaced_DecodesNewPixels()
    {
        using var folder = new TempSourceRoot();
        using var decoder = SourceImages.Decoder();
        var source = folder.Source();
        var path = WritePng(folder, Red);
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var before = DecodeCorner(decoder, (await TempSourceRoot.ResolveAsync(source, "a"))!);

        path = WritePng(folder, Green);
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        var after = DecodeCorner(decoder, (await TempSourceRoot.ResolveAsync(source, "a"))!);

        Assert.That((before, after), Is.EqualTo((Opaque(Red), Opaque(Green))));
        Assert.That(decoder.Cache.DecodeCount, Is.EqualTo(2));
    }

    [Test]
    public void Decode_Cancelled_ThrowsBeforeDecoding()
    {
        using var decoder = SourceImages.Decoder();
        using var image = Quadrants(8, 8);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            () => decoder.Decode(new BytesSourceHandle(SourceImages.Encode(image, SourceFormat.Png)),
                RenderPlanBuilder.ForImage(8, 8).Build(), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(decoder.Cache.DecodeCount, Is.Zero);
    }

    private static string WritePng(TempSourceRoot folder, Rgb24 colour)
    {
        using var image = Solid(8, 8, colour);
        return folder.Write("a.png", SourceImages.Encode(image, SourceFormat.Png));
    }

    private static Rgba32 DecodeCorner(ImageSharpSourceDecoder decoder, Iiif.Imaging.Sources.ImageSourceHandle source)
    {
        using var tile = decoder.Decode(source, RenderPlanBuilder.ForRegion(0, 0, 1, 1).Build(), CancellationToken.None);
        return Corners(tile)[0];
    }

    private static DecodedImageKey KeyOf(BytesSourceHandle source) => new(source.Identifier.Value, source.Version);
}

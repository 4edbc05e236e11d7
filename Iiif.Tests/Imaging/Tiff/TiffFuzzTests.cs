using System.Diagnostics;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Memory;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Tiff;

/// <summary>A fixed-seed fuzz run over real pyramids: random bytes, tag values and truncations. Every outcome is pixels
/// or a <see cref="SourceDecodeException"/>; nothing crashes, nothing is printed, and memory stays flat.</summary>
[TestFixture]
[NonParallelizable]
public class TiffFuzzTests
{
    private const int Runs = 1000;

    private static readonly string[] Bases =
    [
        "jpeg-chain", "deflate-subifd", "deflate-strips", "bigtiff-chain", "palette-tiled", "planar-separate-chain",
        "rgba-associated", "miniswhite-1bit-strips", "cmyk-tiled", "gray16-chain",
    ];

    private static readonly ulong[] Boundaries = [0, 1, 2, 3, 7, 8, 255, 256, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

    [Test]
    public void Decode_MutatedPyramids_GiveImagesOrTypedErrorsWithFlatMemory()
    {
        var originals = Bases.Select(n => File.ReadAllBytes(TiffTestImages.PathOf(n))).ToArray();
        var random = new Random(20_251_206);
        var decoder = TiffDecoders.Create(16L * 1024 * 1024, TiffDecoders.Unpooled);
        var (decoded, refused) = (0, 0);
        (long Managed, long? Native) baseline = default;
        using var stderr = new NativeStderrCapture();
        for (var run = 0; run < Runs; run++)
        {
            var (bytes, mutation) = Mutate(originals[random.Next(originals.Length)], random);
            var source = new BytesSourceHandle(bytes, $"fuzz-{run}", ticks: run + 1);
            var watch = Stopwatch.StartNew();
            try
            {
                Exercise(decoder, source, random);
                decoded++;
            }
            catch (SourceDecodeException)
            {
                refused++;
            }
            catch (Exception e)
            {
                stderr.Finish();
                Assert.Fail($"run {run} ({mutation}): {e}");
            }

            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), $"run {run} ({mutation}) took too long");
            if (run == 99)
            {
                baseline = Memory();
            }
        }

        var after = Memory();
        var printed = stderr.Finish();
        TestContext.Out.WriteLine($"{decoded} decoded, {refused} refused; managed {baseline.Managed} -> {after.Managed}, native {baseline.Native} -> {after.Native}");
        Assert.Multiple(() =>
        {
            Assert.That(printed, Is.Empty, "libtiff printed to stderr");
            Assert.That(decoded, Is.GreaterThan(Runs / 10), "many mutations still decode");
            Assert.That(refused, Is.GreaterThan(Runs / 10), "many mutations are refused");
            Assert.That(after.Managed - baseline.Managed, Is.LessThan(48L * 1024 * 1024), "managed memory stays flat");
            if (after.Native is { } native && baseline.Native is { } start)
            {
                Assert.That(native - start, Is.LessThan(48L * 1024 * 1024), "the C heap stays flat (no leaked libtiff handles or buffers)");
            }
        });
    }

    private static void Exercise(TiffSourceDecoder decoder, BytesSourceHandle source, Random random)
    {
        var info = decoder.Identify(source, CancellationToken.None);
        var deepest = info.ResolutionLevels - 1;
        Decode(decoder, source, info, info.Bounds, deepest);
        var x = random.Next(Math.Max(1, info.Width / 128)) * 128;
        var y = random.Next(Math.Max(1, info.Height / 128)) * 128;
        Decode(decoder, source, info, Clip(new PixelRect(x, y, 128, 128), info), 0);
        Decode(decoder, source, info, Clip(new PixelRect(100, 60, 300, 200), info), Math.Min(1, deepest));
    }

    private static void Decode(TiffSourceDecoder decoder, BytesSourceHandle source, ImageInfo info, PixelRect region, int reduction)
    {
        var plan = RenderPlanBuilder.ForRegion(region.X, region.Y, region.Width, region.Height).ReducedBy(reduction).OnLevelsOf(info).Build();
        if (plan.DecodedSize.Width < 1 || plan.DecodedSize.Height < 1 || plan.DecodedSize.Area > 4_000_000)
        {
            return;
        }

        using var image = decoder.Decode(source, plan, CancellationToken.None);
        Assert.That((image.Width, image.Height), Is.EqualTo((plan.DecodedSize.Width, plan.DecodedSize.Height)));
    }

    private static PixelRect Clip(PixelRect region, ImageInfo info)
    {
        var x = Math.Min(region.X, info.Width - 1);
        var y = Math.Min(region.Y, info.Height - 1);
        return new PixelRect(x, y, Math.Min(region.Right, info.Width) - x, Math.Min(region.Bottom, info.Height) - y);
    }

    private static (byte[] Bytes, string Mutation) Mutate(byte[] original, Random random)
    {
        var bytes = original.ToArray();
        var kind = random.Next(10);
        if (kind < 4)
        {
            var count = random.Next(1, 17);
            for (var i = 0; i < count; i++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            return (bytes, $"{count} random bytes");
        }

        if (kind < 8)
        {
            var entries = new TiffEntries(bytes);
            var entry = entries.Entries[random.Next(entries.Entries.Count)];
            var value = random.Next(3) switch
            {
                0 => Boundaries[random.Next(Boundaries.Length)],
                1 => (ulong)Math.Max(0, bytes.Length + random.Next(-64, 64)),
                _ => (ulong)random.NextInt64(0, uint.MaxValue),
            };
            entries.SetAt(entry, value);
            return (bytes, $"tag {entry.Tag} of IFD {entry.Directory} = {value}");
        }

        var keep = random.Next(8, bytes.Length);
        return (bytes[..keep], $"truncated to {keep} of {bytes.Length}");
    }

    private static (long Managed, long? Native) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return (GC.GetTotalMemory(forceFullCollection: true), NativeHeap.InUse());
    }
}

using System.Diagnostics;
using System.Runtime.CompilerServices;
using Iiif.Core.Geometry;
using Iiif.Imaging;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Memory;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>Native memory and handles are released on every path, and concurrent decodes do not disturb each other.
/// Leak checks, not timings: the bounds are generous, the leaks they catch are not.</summary>
[TestFixture]
public class Jpeg2000ReaderResourceTests
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>Images on managed arrays: ImageSharp's default allocator pools unmanaged memory, whose growth and trimming
    /// would show up in the C heap measure as noise of several megabytes.</summary>
    private readonly Jpeg2000Reader _reader = new(ManagedMemoryConfiguration());

    [Test]
    [Description("Hundreds of failing decodes leave the process's memory flat: codec, stream (128 KB buffer each) and image are freed")]
    public void Decode_CorruptFileManyTimes_DoesNotGrowMemory()
    {
        var corrupt = File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbTiled))[..300];
        var headerOnly = File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbTiled))[..100];
        void FailTwice()
        {
            Assert.Throws<ImageDecodeException>(() => Decode(corrupt));
            Assert.Throws<ImageDecodeException>(() => Decode(headerOnly));
        }

        var growth = Measure(FailTwice, warmUp: 30, iterations: 400);

        AssertFlat(growth, iterations: 800);
    }

    [Test]
    public void Decode_ValidRegionManyTimes_DoesNotGrowMemory()
    {
        var path = TestImageFactory.PathOf(TestImageFactory.RgbTiled);
        void DecodeOnce()
        {
            using var image = _reader.Decode(path, new PixelRect(300, 200, 64, 64), reduce: 0);
        }

        var growth = Measure(DecodeOnce, warmUp: 20, iterations: 400);

        AssertFlat(growth, iterations: 400);
    }

    [Test]
    [Description("The GCHandles the native side holds (stream context, message collector) are freed, so the caller's stream can be collected")]
    public void Decode_AfterFailureOrSuccess_ReleasesTheCallersStream()
    {
        var file = File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbSingleTile));
        var failed = DecodeAndForget(file[..500]);
        var succeeded = DecodeAndForget(file);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.That((failed.IsAlive, succeeded.IsAlive), Is.EqualTo((false, false)));
    }

    [Test]
    [Description("opj-notes: decodes on separate codecs and streams are independent; parallel results equal serial ones")]
    public void Decode_EightParallelRegionsOfOneFile_EqualSerialDecodes()
    {
        var path = TestImageFactory.PathOf(TestImageFactory.RgbTiled);
        var requests = Enumerable.Range(0, 8)
            .Select(i => (Region: new PixelRect(i * 70, i * 50, 200 - (i * 10), 150 + (i * 5)), Reduce: i % 3))
            .ToArray();
        var serial = requests.Select(r => DecodeSamples(path, r.Region, r.Reduce)).ToArray();

        var parallel = new byte[requests.Length][];
        Parallel.For(0, requests.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = DecodeSamples(path, requests[i].Region, requests[i].Reduce));

        Assert.That(parallel, Is.EqualTo(serial));
    }

    private static Configuration ManagedMemoryConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MemoryAllocator = new SimpleGcMemoryAllocator();
        return configuration;
    }

    private static void AssertFlat((long Managed, long WorkingSet, long? Native) growth, int iterations)
    {
        Assert.Multiple(() =>
        {
            Assert.That(growth.Managed, Is.LessThan(16 * Megabyte), "managed heap growth");
            Assert.That(growth.WorkingSet, Is.LessThan(64 * Megabyte), "working set growth");
            if (growth.Native is { } native)
            {
                // One leaked stream buffer per iteration alone would be iterations * 128 KB.
                Assert.That(native, Is.LessThan(Math.Min(16 * Megabyte, iterations * 128 * 1024 / 4)), "C heap growth");
            }
        });
    }

    private static (long Managed, long WorkingSet, long? Native) Measure(Action action, int warmUp, int iterations)
    {
        for (var i = 0; i < warmUp; i++)
        {
            action();
        }

        var before = Snapshot();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        var after = Snapshot();
        return (after.Managed - before.Managed, after.WorkingSet - before.WorkingSet, after.Native - before.Native);
    }

    private static (long Managed, long WorkingSet, long? Native) Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64, NativeHeap.InUse());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference DecodeAndForget(byte[] bytes)
    {
        var stream = new MemoryStream(bytes);
        try
        {
            using var image = _reader.Decode(stream, new PixelRect(0, 0, 300, 200), reduce: 0);
        }
        catch (ImageDecodeException)
        {
            // Expected for the truncated input.
        }

        return new WeakReference(stream);
    }

    private byte[] DecodeSamples(string path, PixelRect region, int reduce)
    {
        using var image = _reader.Decode(path, region, reduce);
        return PixelData.Of(image).Samples;
    }

    private void Decode(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var image = _reader.Decode(stream, new PixelRect(0, 0, 640, 480), reduce: 0);
    }
}

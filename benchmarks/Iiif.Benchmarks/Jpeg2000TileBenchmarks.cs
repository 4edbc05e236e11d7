using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Jpeg2000;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace Iiif.Benchmarks;

/// <summary>The per-request cost of a tile from a tiled lossy JPEG 2000 (8000x6000, 1024 tiles): decoded in-process with
/// OpenJPEG and encoded to JPEG q85, against the old server's way of running <c>opj_decompress</c> as a process per
/// request (which then still had to read the TIFF back and encode it; that part is left out, in its favour).</summary>
[MemoryDiagnoser]
public class Jpeg2000TileBenchmarks
{
    // A 512-pixel region inside one tile at full resolution, and a 4096-pixel region reduced 8x to 512 pixels.
    private static readonly PixelRect TileRegion = new(2048, 1024, 512, 512);
    private static readonly PixelRect WideRegion = new(1024, 1024, 4096, 4096);
    private static readonly JpegEncoder Jpeg = new() { Quality = 85 };

    private readonly Jpeg2000Reader _reader = new();
    private string _source = null!;
    private string _scratch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = SyntheticSource.EnsureFile();
        _scratch = Directory.CreateTempSubdirectory("iiif-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_scratch, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "in-process 512 @ r0 + jpg")]
    public long InProcessTile() => DecodeAndEncode(TileRegion, 0);

    [Benchmark(Description = "in-process 4096->512 @ r3 + jpg")]
    public long InProcessReduced() => DecodeAndEncode(WideRegion, 3);

    /// <summary>A viewer's burst: the 16 neighbouring 256-pixel IIIF tiles of one 1024-pixel JPEG 2000 tile, each decoded
    /// on its own.</summary>
    [Benchmark(Description = "16 x 256 in one 1024 tile, direct")]
    public long SixteenTilesDirect()
    {
        long pixels = 0;
        foreach (var region in SixteenRegions())
        {
            using var image = _reader.Decode(_source, region, 0);
            pixels += image.Width;
        }

        return pixels;
    }

    /// <summary>The same burst through a fresh block cache: one decode of the 1024 tile, then 16 cuts.</summary>
    [Benchmark(Description = "16 x 256 in one 1024 tile, block cache")]
    public long SixteenTilesBlockCache()
    {
        using var blocks = new DecodedBlockCache(256L * 1024 * 1024);
        var cache = new Jpeg2000BlockCache(_reader, Configuration.Default, blocks, new SourceFactsCache());
        var version = new SourceVersion(DateTimeOffset.UnixEpoch, 1);
        long pixels = 0;
        foreach (var region in SixteenRegions())
        {
            using var image = cache.TryDecode(_source, version, region, 0, CancellationToken.None)
                ?? throw new InvalidOperationException("The block cache did not serve the region.");
            pixels += image.Width;
        }

        return pixels;
    }

    [Benchmark(Description = "opj_decompress 512 @ r0")]
    public int ProcessTile() => RunDecompress(TileRegion, 0);

    [Benchmark(Description = "opj_decompress 4096->512 @ r3")]
    public int ProcessReduced() => RunDecompress(WideRegion, 3);

    private long DecodeAndEncode(PixelRect region, int reduce)
    {
        using var image = _reader.Decode(_source, region, reduce);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, Jpeg);
        return output.Length;
    }

    private static IEnumerable<PixelRect> SixteenRegions() =>
        Enumerable.Range(0, 16).Select(i => new PixelRect(2048 + (i % 4 * 256), 1024 + (i / 4 * 256), 256, 256));

    private int RunDecompress(PixelRect region, int reduce)
    {
        // -quiet keeps the child silent, so its output needs no redirection (and no pipe draining).
        var start = new ProcessStartInfo("opj_decompress") { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-quiet", "-i", _source, "-o", Path.Combine(_scratch, "out.tif"),
            "-d",
            string.Create(CultureInfo.InvariantCulture, $"{region.X},{region.Y},{region.Right},{region.Bottom}"),
            "-r", reduce.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("opj_decompress did not start.");
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"opj_decompress exited with {process.ExitCode}.");
    }
}

using System.Diagnostics;
using System.Globalization;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Sources;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Benchmarks;

/// <summary>The decode side of a cold viewer walk: every 256 px tile of an OpenSeadragon pyramid (all scale factors, as
/// info.json advertises them), each planned like a request and decoded through a fresh <see cref="Jpeg2000SourceDecoder"/>
/// with the default block cache, for a classic JPEG 2000 and an HTJ2K (Part 15) version of the same picture with the
/// same tiles, levels, code-blocks, precincts and progression. A plain timed loop, not BenchmarkDotNet: one walk takes
/// seconds, and the two files are walked alternately, several rounds, so a busy machine slows both alike.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/Iiif.Benchmarks -- htj2k-walk [JP2] [ROUNDS]</c>. JP2
/// defaults to the synthetic 8000x6000 source; the shared bench's big.jp2 is the figure benchmarks/README.md quotes.
/// The HTJ2K version is made once by ojph_compress (openjph-tools), lossy at IIIF_BENCH_QSTEP (default 0.04: 11.4 MB
/// for big.jp2, whose classic file is 11.2 MB).</remarks>
internal static class HtJ2kTileWalk
{
    private const int TileSize = 256;

    public static void Run(string[] args)
    {
        var classic = args.Length > 0 ? args[0] : SyntheticSource.EnsureFile();
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var files = new Dictionary<string, string> { ["classic"] = classic, ["htj2k"] = EnsureHighThroughput(classic) };
        var plans = Walk(Jpeg2000Reader.ReadFacts(classic).ToImageInfo());
        var times = files.Keys.ToDictionary(k => k, _ => new List<double>());
        foreach (var (name, path) in files)
        {
            Console.WriteLine(FormattableString.Invariant($"{name}: {path}, {new FileInfo(path).Length} bytes, {plans.Count} tiles"));
            WalkOnce(path, plans); // warm-up: JIT and page cache
        }

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, path) in round % 2 == 1 ? files : files.Reverse())
            {
                var elapsed = WalkOnce(path, plans);
                times[name].Add(elapsed.TotalMilliseconds);
                Console.WriteLine(FormattableString.Invariant($"round {round} {name}: {elapsed.TotalMilliseconds:0} ms"));
            }
        }

        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var (c, h) = (Median(times["classic"]), Median(times["htj2k"]));
        Console.WriteLine(FormattableString.Invariant(
            $"median classic {c:0} ms ({plans.Count / c * 1000:0} tiles/s), htj2k {h:0} ms ({plans.Count / h * 1000:0} tiles/s): HTJ2K {c / h:0.00}x"));
    }

    private static TimeSpan WalkOnce(string path, List<RenderPlan> plans)
    {
        using var blocks = new DecodedBlockCache(Options.Create(new DecodedBlockCacheOptions()));
        var decoder = new Jpeg2000SourceDecoder(Configuration.Default, blocks, new SourceFactsCache());
        var source = new FileSource(path);
        var watch = Stopwatch.StartNew();
        foreach (var plan in plans)
        {
            using var tile = decoder.Decode(source, plan, CancellationToken.None);
        }

        return watch.Elapsed;
    }

    // Every tile at every scale factor, coarsest first (a viewer opening the image and zooming in).
    private static List<RenderPlan> Walk(ImageInfo info)
    {
        var limits = new ServerLimits(null, null, null, false, null);
        var levels = TileCalculator.LevelCount(info, new PixelSize(TileSize, TileSize));
        var plans = new List<RenderPlan>();
        for (var level = levels - 1; level >= 0; level--)
        {
            var span = TileSize << level;
            for (var y = 0; y < info.Height; y += span)
            {
                for (var x = 0; x < info.Width; x += span)
                {
                    var w = Math.Min(span, info.Width - x);
                    var h = Math.Min(span, info.Height - y);
                    var size = Math.Max(1, (w + (1 << level) - 1) >> level);
                    var path = string.Create(CultureInfo.InvariantCulture, $"/id/{x},{y},{w},{h}/{size},/0/default.jpg");
                    var request = ImageRequestParser.Parse(ApiVersion.V3, IiifPathParser.Parse(path).Value!).Value!;
                    plans.Add(RenderPlanner.Plan(request, info, limits).Value!);
                }
            }
        }

        return plans;
    }

    private static string EnsureHighThroughput(string classic)
    {
        var qstep = Environment.GetEnvironmentVariable("IIIF_BENCH_QSTEP") is { Length: > 0 } q ? q : "0.04";
        var info = new FileInfo(classic);
        var folder = Path.Combine(Path.GetTempPath(), "iiif-benchmarks");
        var path = Path.Combine(folder, FormattableString.Invariant($"{Path.GetFileNameWithoutExtension(classic)}-{info.Length}-ht-q{qstep}.j2c"));
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var facts = Jpeg2000Reader.ReadFacts(classic);
        var ppm = path + ".ppm";
        using (var image = new Jpeg2000Reader().Decode(classic, new PixelRect(0, 0, facts.Width, facts.Height), 0))
        using (var rgb = image.CloneAs<Rgb24>())
        {
            WritePpm(rgb, ppm);
        }

        // The classic file's layout (the converter's defaults): tiles, levels, 64x64 code-blocks, precincts from 8 at
        // the lowest level doubling to 256, RPCL.
        var decompositions = facts.ResolutionLevels - 1;
        var precincts = string.Join(',', Enumerable.Range(0, decompositions + 1).Select(r => FormattableString.Invariant($"{{{Math.Min(256, 8 << r)},{Math.Min(256, 8 << r)}}}")));
        Run("ojph_compress", "-i", ppm, "-o", path + ".partial.j2c", "-num_decomps", decompositions.ToString(CultureInfo.InvariantCulture),
            "-tile_size", FormattableString.Invariant($"{{{facts.TileWidth},{facts.TileHeight}}}"), "-block_size", "{64,64}",
            "-precincts", precincts, "-prog_order", "RPCL", "-qstep", qstep);
        File.Delete(ppm);
        File.Move(path + ".partial.j2c", path);
        return path;
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}.");
        }
    }

    private static void WritePpm(Image<Rgb24> image, string path)
    {
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes(FormattableString.Invariant($"P6\n{image.Width} {image.Height}\n255\n")));
        var row = new byte[image.Width * 3];
        for (var y = 0; y < image.Height; y++)
        {
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(image.DangerousGetPixelRowMemory(y).Span).CopyTo(row);
            file.Write(row);
        }
    }

    private sealed class FileSource(string path) : ImageSourceHandle(
        new Iiif.Core.Identifiers.ImageIdentifier(Path.GetFileName(path)), new SourceVersion(File.GetLastWriteTimeUtc(path), new FileInfo(path).Length))
    {
        public override string? LocalPath => path;

        public override ISourceReader OpenReader(CancellationToken cancellationToken = default) => new FileSourceReader(path, cancellationToken);
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Tiff;
using Iiif.Web.Cli.Samples;

namespace Iiif.Web.Cli;

/// <summary><c>iiif samples [DIR]</c>: renders the bundled sample images (never committed) into DIR (default
/// <c>samples</c>, the default images root) when they are missing: a large deep-zoom Mandelbrot JP2 (lossy, 1024 tiles),
/// a small lossless Julia JP2, and a terrain map as a pyramidal TIFF (JPEG tiles, as vips and IIPImage installations
/// hold them). Deterministic.</summary>
internal static class SamplesCommand
{
    public const string Name = "samples";

    public const string DefaultFolder = "samples";

    public const string Details = """
        Renders the sample images into DIR (default: samples) unless they already exist:
          mandelbrot-8192x6144.jp2      deep-zoom Mandelbrot set, lossy 9/7, 1024-pixel tiles
          julia-1024x768-lossless.jp2   Julia set, lossless 5/3
          terrain-2048x1536.tif         shaded relief map, pyramidal TIFF with JPEG tiles

        Exit codes: 0 done, 2 bad arguments or an unwritable folder (one line on stderr), 1 unexpected failure.
        """;

    private static readonly PixelSizeArgument DefaultLargeSize = new(8192, 6144);

    public static Command Create(CliConsole console)
    {
        var folder = CliOptions.Positional("DIR", "Where to put the samples (default: samples)", required: false);
        // The large sample's size (the others follow); undocumented, it lets tests run in a moment.
        var size = new Option<string?>("--size") { Hidden = true, HelpName = "WxH" };
        var command = new Command(Name, "Render the sample images (a deep-zoom JPEG 2000, a lossless one and a TIFF pyramid)") { folder, size };
        command.SetAction(CliCommands.Guard(Name, console, (result, _) =>
        {
            var large = result.GetValue(size) is { } text ? PixelSizeArgument.Parse(text, "--size") : DefaultLargeSize;
            return Task.FromResult(Run(result.GetValue(folder) ?? DefaultFolder, large, console));
        }));
        return command;
    }

    public static int Run(string folder, PixelSizeArgument size, CliConsole console)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot create '{folder}': {e.Message}", e);
        }

        var total = Stopwatch.StartNew();
        foreach (var sample in Samples(size))
        {
            var path = Path.Combine(folder, sample.FileName);
            if (File.Exists(path))
            {
                console.Out.WriteLine($"exists {path} (skipped)");
                continue;
            }

            var watch = Stopwatch.StartNew();
            sample.Make(path, console);
            console.Out.WriteLine($"made {(sample.IsJpeg2000 ? ConvertCommand.Describe(path, watch.Elapsed) : ConvertCommand.DescribeTiff(path, watch.Elapsed))}");
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"samples ready in {folder} ({total.Elapsed.TotalSeconds:0.0} s)"));
        return 0;
    }

    private static IEnumerable<Sample> Samples(PixelSizeArgument large)
    {
        yield return new Sample(FormattableString.Invariant($"mandelbrot-{large.Width}x{large.Height}.jp2"), true, (path, console) =>
        {
            using var image = EscapeTimeFractal.Mandelbrot().Render(large.Width, large.Height);
            var options = new Jpeg2000EncoderOptions
            {
                Lossless = false,
                CompressionRatios = [80, 40, 20],
                Threads = Environment.ProcessorCount,
            };
            ConvertCommand.Write(image, path, path, options, console);
        });
        // The small samples scale with the large one (1/8 and 1/4 of its sides), so a test's --size keeps them small too.
        var julia = new PixelSizeArgument(Math.Max(1, large.Width / 8), Math.Max(1, large.Height / 8));
        yield return new Sample(FormattableString.Invariant($"julia-{julia.Width}x{julia.Height}-lossless.jp2"), true, (path, console) =>
        {
            using var image = EscapeTimeFractal.Julia().Render(julia.Width, julia.Height);
            ConvertCommand.Write(image, path, path, new Jpeg2000EncoderOptions { Threads = Environment.ProcessorCount }, console);
        });
        var terrain = new PixelSizeArgument(Math.Max(1, large.Width / 4), Math.Max(1, large.Height / 4));
        yield return new Sample(FormattableString.Invariant($"terrain-{terrain.Width}x{terrain.Height}.tif"), false, (path, console) =>
        {
            using var image = Terrain.Render(terrain.Width, terrain.Height);
            ConvertCommand.WriteTiff(image, path, path, new TiffPyramidWriterOptions(), console);
        });
    }

    private sealed record Sample(string FileName, bool IsJpeg2000, Action<string, CliConsole> Make);
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Tiff;
using SixLabors.ImageSharp;

namespace Iiif.Web.Cli;

/// <summary><c>iiif convert</c>: turns TIFF (any layout, pyramids included), JPEG and PNG images into IIIF-friendly
/// JPEG 2000 files or pyramidal tiled TIFFs, one file or a folder.</summary>
internal static class ConvertCommand
{
    public const string Name = "convert";

    /// <summary>Images with at least this many tiles get a progress bar; smaller ones finish before it would matter.</summary>
    private const int ProgressTileThreshold = 4;

    public const string Details = """
        Converts TIFF (strips, tiles or pyramids; the first image), JPEG and PNG images into a master laid out for IIIF
        serving, with levels down to a thumbnail under 256 pixels. The source's channels are kept (RGB stays RGB, grey
        stays grey), 16-bit sources stay 16-bit and the ICC profile is embedded. The output's extension chooses the
        file: .jp2 a JP2 file, .j2k (or .j2c) a raw JPEG 2000 codestream (tiles, precincts, RPCL order, PLT/TLM
        markers), .tif (or .tiff) a pyramidal tiled TIFF (each level halved from the one before, chained as
        reduced-resolution directories; JPEG tiles, or Deflate with --lossless and always for alpha or 16-bit sources).
        With a folder as input, every .tif/.tiff/.jpg/.jpeg/.png file in it is converted into the output folder (as
        .jp2, .j2k with --j2k, or .tif with --tiff).

        Exit codes: 0 done, 2 bad arguments or an input/output problem (one line on stderr), 1 unexpected failure.
        """;

    public static Command Create(CliConsole console)
    {
        var input = CliOptions.Positional("input", "The image, or a folder of images", required: true);
        var output = CliOptions.Positional("output", "The .jp2, .j2k or .tif file, or a folder for folder mode", required: true);
        var lossless = new Option<bool>("--lossless") { Description = "Exact pixels: the reversible 5/3 wavelet (JPEG 2000, about 2-3 times larger) or Deflate tiles (TIFF)" };
        var rate = CliOptions.Number("--rate", 1.1f, 10000f, "JPEG 2000: lossy 9/7 compression ratio N:1 of the best layer (default 20; layers at 4N, 2N, N)");
        var tile = CliOptions.Integer("--tile", 32, 65536, "Tile size in pixels (JPEG 2000 default 1024; TIFF 256 or 512, default 256)");
        var levels = CliOptions.Integer("--levels", 1, 33, "JPEG 2000: resolution levels (default: smallest level under 256 pixels)");
        var j2k = new Option<bool>("--j2k") { Description = "In folder mode, write raw codestreams (.j2k) instead of JP2 files" };
        var quality = CliOptions.Integer("--quality", 1, 100, "TIFF: JPEG quality of the tiles (default 85)");
        var tiff = new Option<bool>("--tiff") { Description = "In folder mode, write pyramidal TIFFs (.tif) instead of JP2 files" };
        var command = new Command(Name, "Convert TIFF, JPEG and PNG images into tiled JPEG 2000 or pyramidal TIFF for IIIF serving")
        {
            input, output, lossless, rate, tile, levels, j2k, quality, tiff,
        };
        command.SetAction(CliCommands.Guard(Name, console, (result, _) =>
        {
            var settings = ConvertSettings.Create(result.GetValue(input)!, result.GetValue(output)!, result.GetValue(lossless),
                result.GetValue(rate), result.GetValue(tile), result.GetValue(levels), result.GetValue(j2k), result.GetValue(quality), result.GetValue(tiff));
            return Task.FromResult(Run(settings, console));
        }));
        return command;
    }

    public static int Run(ConvertSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Directory.Exists(settings.Input) && !File.Exists(settings.Output))
        {
            return ConvertFolder(settings, console);
        }

        ConvertFile(settings.Input, settings.Output, settings, console);
        return 0;
    }

    private static int ConvertFolder(ConvertSettings settings, CliConsole console)
    {
        var inputs = Directory.EnumerateFiles(settings.Input)
            .Where(f => SourceImageLoader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (inputs.Count == 0)
        {
            throw new CliException($"no .tif, .tiff, .jpg, .jpeg or .png files in '{settings.Input}'");
        }

        CreateFolder(settings.Output);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var failures = 0;
        foreach (var input in inputs)
        {
            var output = Path.Combine(settings.Output, Path.GetFileNameWithoutExtension(input) + settings.Extension);
            try
            {
                if (!written.Add(output))
                {
                    throw new CliException($"skipped '{input}': another source already wrote '{output}'");
                }

                ConvertFile(input, output, settings, console);
            }
            catch (CliException e)
            {
                console.Error.WriteLine($"iiif convert: {e.Message.ReplaceLineEndings(" ")}");
                failures++;
            }
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{inputs.Count - failures} of {inputs.Count} converted"));
        return failures == 0 ? 0 : CliCommands.UserErrorExitCode;
    }

    /// <summary>Converts one file.</summary>
    public static void ConvertFile(string input, string output, ConvertSettings settings, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckOutput(output);
        if (settings.WritesTiff(output))
        {
            var tiffWatch = Stopwatch.StartNew();
            using var source = SourceImageLoader.Load(input);
            WriteTiff(source, input, output, settings.ToTiffOptions(), console);
            console.Out.WriteLine($"{input} -> {DescribeTiff(output, tiffWatch.Elapsed)}");
            return;
        }

        var options = (settings with { J2k = ConvertSettings.IsCodestream(output, settings.J2k) }).ToEncoderOptions();
        var watch = Stopwatch.StartNew();
        using var image = SourceImageLoader.Load(input);
        Write(image, input, output, options, console);
        console.Out.WriteLine($"{input} -> {Describe(output, watch.Elapsed)}");
    }

    /// <summary>Writes <paramref name="image"/> as a pyramidal tiled TIFF, with progress and the same temporary-name
    /// rule as <see cref="Write"/>.</summary>
    public static void WriteTiff(Image image, string label, string output, TiffPyramidWriterOptions options, CliConsole console)
    {
        var writer = new TiffPyramidWriter(options, SixLabors.ImageSharp.Configuration.Default);
        var progress = writer.TileCount(image.Width, image.Height) >= ProgressTileThreshold
            ? new ConsoleProgress(console.Error, console.ErrorIsTerminal, Path.GetFileName(label))
            : null;
        WriteAtomically(output, label, progress, partial => writer.Write(image, partial, progress));
    }

    /// <summary>One line about a written TIFF pyramid, read back through libtiff: size, layout, levels, tiles.</summary>
    public static string DescribeTiff(string output, TimeSpan elapsed)
    {
        var bytes = new FileInfo(output).Length;
        return string.Create(CultureInfo.InvariantCulture, $"{output}: {TiffImageReader.Describe(output)}, {bytes / 1024.0:0.#} KiB in {elapsed.TotalSeconds:0.00} s");
    }

    /// <summary>Encodes <paramref name="image"/> to <paramref name="output"/> with a progress bar for big images. Writes
    /// to a temporary name beside the output and renames it at the end, so a server reading the folder never sees half
    /// a file.</summary>
    public static void Write(Image image, string label, string output, Jpeg2000EncoderOptions options, CliConsole console)
    {
        var progress = ShowsProgress(image, options) ? new ConsoleProgress(console.Error, console.ErrorIsTerminal, Path.GetFileName(label)) : null;
        WriteAtomically(output, label, progress, partial => new Jpeg2000Encoder(options).Encode(image, partial, progress));
    }

    private static void WriteAtomically(string output, string label, ConsoleProgress? progress, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        var partial = output + ".part";
        try
        {
            write(partial);
            progress?.Finish();
            File.Move(partial, output, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress?.Finish();
            TryDelete(partial);
            // The temporary name is ours, not the user's: the message names the file they asked for.
            var reason = e.Message.Replace(Path.GetFullPath(partial), Path.GetFullPath(output), StringComparison.Ordinal)
                .Replace(partial, output, StringComparison.Ordinal);
            throw new CliException($"cannot write '{output}': {reason}", e);
        }
        catch (Exception e) when (e is ArgumentException or Jpeg2000EncodeException)
        {
            progress?.Finish();
            TryDelete(partial);
            throw new CliException($"cannot encode '{label}': {e.Message}", e);
        }
    }

    /// <summary>One line about a written file: its layout as read back from its header, size and time.</summary>
    public static string Describe(string output, TimeSpan elapsed)
    {
        var facts = Jpeg2000Reader.ReadFacts(output);
        var kind = facts.IsReversible ? "lossless" : "lossy";
        var bytes = new FileInfo(output).Length;
        return string.Create(CultureInfo.InvariantCulture,
            $"{output}: {facts.Width}x{facts.Height}, {kind}, {facts.TileCount} tile(s) of {facts.TileWidth}x{facts.TileHeight}, {facts.ResolutionLevels} levels, {facts.QualityLayers} layer(s), {bytes / 1024.0:0.#} KiB in {elapsed.TotalSeconds:0.00} s");
    }

    private static bool ShowsProgress(Image image, Jpeg2000EncoderOptions options)
    {
        var tile = Math.Max(1, options.TileSize);
        var tiles = (long)((image.Width + tile - 1) / tile) * ((image.Height + tile - 1) / tile);
        return tiles >= ProgressTileThreshold;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the folder refused the write in the first place.
        }
    }

    private static void CheckOutput(string output)
    {
        if (Directory.Exists(output))
        {
            throw new CliException($"output '{output}' is a folder; give a file name (or a folder as input for folder mode)");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"output folder does not exist: '{folder}'");
        }
    }

    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot create output folder '{folder}': {e.Message}", e);
        }
    }
}

using System.Globalization;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Tiff;

namespace Iiif.Web.Cli;

/// <summary>The parsed <c>convert</c> command line.</summary>
internal sealed record ConvertSettings
{
    /// <summary>The default lossy compression ratio (20:1), the one the OpenJPEG notes measured for tiled IIIF files.</summary>
    public const float DefaultRate = 20;

    public required string Input { get; init; }

    public required string Output { get; init; }

    public bool Lossless { get; init; }

    /// <summary>The final (best) layer's compression ratio for lossy files.</summary>
    public float Rate { get; init; } = DefaultRate;

    /// <summary>Tile size; null = 1024 for JPEG 2000, 256 for TIFF.</summary>
    public int? TileSize { get; init; }

    /// <summary>JPEG quality of TIFF tiles; null = 85.</summary>
    public int? Quality { get; init; }

    /// <summary>Write pyramidal TIFF in folder mode (single files choose by the output's extension).</summary>
    public bool Tiff { get; init; }

    /// <summary>Resolution levels; null = enough for a smallest level under 256 pixels.</summary>
    public int? Levels { get; init; }

    public bool J2k { get; init; }

    public bool Help { get; init; }

    /// <summary>The file extension written in folder mode.</summary>
    public string Extension => Tiff ? ".tif" : J2k ? ".j2k" : ".jp2";

    /// <summary>True when <paramref name="output"/> is to be a pyramidal TIFF: by its extension, or <c>--tiff</c>.</summary>
    public bool WritesTiff(string output) =>
        Tiff || Path.GetExtension(output).ToLowerInvariant() is ".tif" or ".tiff";

    /// <summary>The TIFF writer options: JPEG tiles unless <c>--lossless</c> (Deflate).</summary>
    public TiffPyramidWriterOptions ToTiffOptions() => new()
    {
        Compression = Lossless ? TiffTileCompression.Deflate : TiffTileCompression.Jpeg,
        TileSize = TileSize ?? 256,
        JpegQuality = Quality ?? 85,
    };

    /// <summary>The encoder options: IIIF-friendly defaults (tiles, precincts, RPCL, PLT/TLM come with the encoder).
    /// Lossy files get three quality layers at 4x, 2x and 1x the rate so a client can stop early; lossless ones one.</summary>
    public Jpeg2000EncoderOptions ToEncoderOptions() => new()
    {
        Lossless = Lossless,
        CompressionRatios = Lossless ? [] : [Rate * 4, Rate * 2, Rate],
        TileSize = TileSize ?? 1024,
        Resolutions = Levels,
        Container = J2k ? Jpeg2000Container.J2k : Jpeg2000Container.Jp2,
        Threads = Environment.ProcessorCount,
    };

    /// <summary>Parses the arguments after <c>convert</c>.</summary>
    /// <exception cref="CliException">An unknown switch, a missing or bad value, or the wrong number of paths.</exception>
    public static ConvertSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var paths = new List<string>();
        bool lossless = false, j2k = false, tiff = false, help = false;
        float? rate = null;
        int? tile = null, levels = null, quality = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    help = true;
                    break;
                case "--lossless":
                    lossless = true;
                    break;
                case "--j2k":
                    j2k = true;
                    break;
                case "--tiff":
                    tiff = true;
                    break;
                case "--quality":
                    quality = (int)ParseNumber(args, ++i, "--quality", 1, 100, integer: true);
                    break;
                case "--rate":
                    rate = ParseNumber(args, ++i, "--rate", 1.1f, 10000f);
                    break;
                case "--tile":
                    tile = (int)ParseNumber(args, ++i, "--tile", 32, 65536, integer: true);
                    break;
                case "--levels":
                    levels = (int)ParseNumber(args, ++i, "--levels", 1, 33, integer: true);
                    break;
                case var s when s.StartsWith('-') && s.Length > 1:
                    throw new CliException($"unknown option '{s}' (see --help)");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (help)
        {
            return new ConvertSettings { Input = string.Empty, Output = string.Empty, Help = true };
        }

        if (lossless && rate is not null)
        {
            throw new CliException("--lossless and --rate exclude each other");
        }

        if (paths.Count != 2)
        {
            throw new CliException("expected <input> <output> (see --help)");
        }

        var settings = new ConvertSettings
        {
            Input = paths[0],
            Output = paths[1],
            Lossless = lossless,
            Rate = rate ?? DefaultRate,
            TileSize = tile,
            Levels = levels,
            J2k = j2k,
            Tiff = tiff,
            Quality = quality,
        };
        settings.CheckCombination(rate is not null);
        return settings;
    }

    /// <summary>Refuses options that do not apply to the output format chosen.</summary>
    private void CheckCombination(bool rateGiven)
    {
        if (Tiff && J2k)
        {
            throw new CliException("--tiff and --j2k exclude each other");
        }

        var tiffOutput = Tiff || (!Directory.Exists(Input) && WritesTiff(Output));
        if (tiffOutput && (rateGiven || Levels is not null || J2k))
        {
            throw new CliException("--rate, --levels and --j2k are for JPEG 2000 output, not TIFF");
        }

        if (!tiffOutput && Quality is not null)
        {
            throw new CliException("--quality is for TIFF output (JPEG tiles); JPEG 2000 uses --rate");
        }

        if (tiffOutput && Lossless && Quality is not null)
        {
            throw new CliException("--lossless and --quality exclude each other");
        }

        if (tiffOutput && TileSize is not (null or 256 or 512))
        {
            throw new CliException(FormattableString.Invariant($"--tile must be 256 or 512 for TIFF output, not {TileSize}"));
        }
    }

    private static float ParseNumber(IReadOnlyList<string> args, int index, string option, float min, float max, bool integer = false)
    {
        if (index >= args.Count)
        {
            throw new CliException($"{option} needs a value");
        }

        var style = integer ? NumberStyles.None : NumberStyles.AllowDecimalPoint;
        if (!float.TryParse(args[index], style, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            var kind = integer ? "an integer" : "a number";
            throw new CliException(FormattableString.Invariant($"{option} must be {kind} from {min:0.##} to {max:0.##}, not '{args[index]}'"));
        }

        return value;
    }
}

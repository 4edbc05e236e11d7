using System.Globalization;
using Iiif.Imaging.Jpeg2000;

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

    public int TileSize { get; init; } = 1024;

    /// <summary>Resolution levels; null = enough for a smallest level under 256 pixels.</summary>
    public int? Levels { get; init; }

    public bool J2k { get; init; }

    public bool Help { get; init; }

    /// <summary>The file extension written in folder mode.</summary>
    public string Extension => J2k ? ".j2k" : ".jp2";

    /// <summary>The encoder options: IIIF-friendly defaults (tiles, precincts, RPCL, PLT/TLM come with the encoder).
    /// Lossy files get three quality layers at 4x, 2x and 1x the rate so a client can stop early; lossless ones one.</summary>
    public Jpeg2000EncoderOptions ToEncoderOptions() => new()
    {
        Lossless = Lossless,
        CompressionRatios = Lossless ? [] : [Rate * 4, Rate * 2, Rate],
        TileSize = TileSize,
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
        bool lossless = false, j2k = false, help = false;
        float? rate = null;
        int tile = 1024;
        int? levels = null;
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

        return new ConvertSettings
        {
            Input = paths[0],
            Output = paths[1],
            Lossless = lossless,
            Rate = rate ?? DefaultRate,
            TileSize = tile,
            Levels = levels,
            J2k = j2k,
        };
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

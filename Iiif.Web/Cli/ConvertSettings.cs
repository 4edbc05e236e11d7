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

    /// <summary>The settings from the parsed command line.</summary>
    /// <exception cref="CliException">--lossless with --rate, or an output name convert cannot write.</exception>
    public static ConvertSettings Create(string input, string output, bool lossless, float? rate, int? tile, int? levels, bool j2k)
    {
        if (lossless && rate is not null)
        {
            throw new CliException("--lossless and --rate exclude each other");
        }

        return new ConvertSettings
        {
            Input = input,
            Output = output,
            Lossless = lossless,
            Rate = rate ?? DefaultRate,
            TileSize = tile ?? 1024,
            Levels = levels,
            J2k = j2k,
        };
    }

    /// <summary>Whether a single output file is a raw codestream, from its extension: .jp2 is a JP2 file, .j2k and .j2c
    /// a codestream. Any other extension is refused rather than written as JPEG 2000 under a misleading name.</summary>
    /// <exception cref="CliException">An extension convert does not write, or --j2k with a .jp2 name.</exception>
    public static bool IsCodestream(string output, bool j2k)
    {
        ArgumentNullException.ThrowIfNull(output);
        var extension = Path.GetExtension(output).ToLowerInvariant();
        return extension switch
        {
            ".jp2" when j2k => throw new CliException($"--j2k writes a raw codestream: name the output .j2k, not '{output}'"),
            ".jp2" => false,
            ".j2k" or ".j2c" => true,
            _ => throw new CliException(
                $"cannot write '{output}': convert writes JPEG 2000; name the output .jp2 (a JP2 file) or .j2k (a raw codestream)"),
        };
    }
}

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

    /// <summary>Resolution levels; null = enough for a smallest level under 256 pixels.</summary>
    public int? Levels { get; init; }

    public bool J2k { get; init; }

    /// <summary>JPEG quality of TIFF tiles; null = 85.</summary>
    public int? Quality { get; init; }

    /// <summary>Write pyramidal TIFF in folder mode (single files choose by the output's extension).</summary>
    public bool Tiff { get; init; }

    /// <summary>The file extension written in folder mode.</summary>
    public string Extension => Tiff ? ".tif" : J2k ? ".j2k" : ".jp2";

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

    /// <summary>The settings from the parsed command line.</summary>
    /// <exception cref="CliException">--lossless with --rate, options of the other output format, or an output name
    /// convert cannot write.</exception>
    public static ConvertSettings Create(string input, string output, bool lossless, float? rate, int? tile, int? levels, bool j2k,
        int? quality = null, bool tiff = false)
    {
        if (lossless && rate is not null)
        {
            throw new CliException("--lossless and --rate exclude each other");
        }

        var settings = new ConvertSettings
        {
            Input = input,
            Output = output,
            Lossless = lossless,
            Rate = rate ?? DefaultRate,
            TileSize = tile,
            Levels = levels,
            J2k = j2k,
            Quality = quality,
            Tiff = tiff,
        };
        settings.CheckCombination(rate is not null);
        return settings;
    }

    /// <summary>True when <paramref name="output"/> is to be a pyramidal TIFF: <c>--tiff</c>, or a .tif/.tiff name.</summary>
    public bool WritesTiff(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Tiff || Path.GetExtension(output).ToLowerInvariant() is ".tif" or ".tiff";
    }

    /// <summary>Refuses options that do not apply to the output format chosen.</summary>
    private void CheckCombination(bool rateGiven)
    {
        if (Tiff && J2k)
        {
            throw new CliException("--tiff and --j2k exclude each other");
        }

        var tiffOutput = Directory.Exists(Input) ? Tiff : WritesTiff(Output);
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

    /// <summary>Whether a single JPEG 2000 output file is a raw codestream, from its extension: .jp2 is a JP2 file, .j2k and
    /// .j2c a codestream (.tif and .tiff are TIFF pyramids, see <see cref="WritesTiff"/>). Any other extension is refused
    /// rather than written under a misleading name.</summary>
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
                $"cannot write '{output}': name the output .jp2 (a JP2 file), .j2k (a raw codestream) or .tif (a TIFF pyramid)"),
        };
    }
}

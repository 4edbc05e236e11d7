using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Turns <see cref="Jpeg2000EncoderOptions"/> into OpenJPEG's <c>opj_cparameters_t</c>.</summary>
internal static unsafe class EncoderParameters
{
    /// <summary>Precincts of the two highest resolution levels (ISO 15444-1 B.6). Small enough that a 256-pixel IIIF
    /// tile touches few of them, large enough to keep packet headers cheap.</summary>
    public const int TopPrecinct = 256;

    /// <summary>Precincts of every lower level; given explicitly because OpenJPEG would otherwise keep halving the
    /// last size per level.</summary>
    public const int LowerPrecinct = 128;

    private const int CodeBlock = 64;
    private const float DefaultLossyRatio = 20;
    private const int MaxLayers = 100;

    /// <summary>The layer rates to write: the ratios (validated), then 0 (lossless) for lossless files.</summary>
    public static float[] LayerRates(Jpeg2000EncoderOptions options)
    {
        var ratios = options.CompressionRatios;
        for (var i = 0; i < ratios.Count; i++)
        {
            if (!(ratios[i] > 1) || (i > 0 && !(ratios[i] < ratios[i - 1])))
            {
                throw new ArgumentException("Compression ratios must be above 1 and strictly decreasing.", nameof(options));
            }
        }

        float[] rates = options.Lossless ? [.. ratios, 0] : ratios.Count > 0 ? [.. ratios] : [DefaultLossyRatio];
        if (rates.Length > MaxLayers)
        {
            throw new ArgumentException("At most 100 quality layers.", nameof(options));
        }

        return rates;
    }

    /// <summary>Fills <paramref name="parameters"/> (already set to OpenJPEG's defaults).</summary>
    public static void Apply(OpjEncoderParameters* parameters, Jpeg2000EncoderOptions options, EncoderGeometry geometry, bool useColourTransform)
    {
        parameters->TileSizeOn = 1;
        parameters->TileOriginX = geometry.Image.X;
        parameters->TileOriginY = geometry.Image.Y;
        parameters->TileWidth = geometry.TileWidth;
        parameters->TileHeight = geometry.TileHeight;
        parameters->ResolutionCount = geometry.Resolutions;
        parameters->CodeBlockWidth = CodeBlock;
        parameters->CodeBlockHeight = CodeBlock;
        parameters->ProgressionOrder = (int)options.ProgressionOrder;
        parameters->Irreversible = options.Lossless ? 0 : 1;
        parameters->MultipleComponentTransform = useColourTransform ? (byte)1 : (byte)0;

        var rates = LayerRates(options);
        parameters->DistortionAllocation = 1;
        parameters->LayerCount = rates.Length;
        for (var i = 0; i < rates.Length; i++)
        {
            parameters->LayerRates[i] = rates[i];
        }

        parameters->CodingStyle |= 0x01;
        parameters->PrecinctSpecCount = geometry.Resolutions;
        for (var i = 0; i < geometry.Resolutions; i++)
        {
            // Index 0 is the highest resolution level.
            var size = i < 2 ? TopPrecinct : LowerPrecinct;
            parameters->PrecinctWidths[i] = size;
            parameters->PrecinctHeights[i] = size;
        }
    }
}

using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary><c>opj_cparameters_t</c> (18720 bytes on x64; every offset below checked with offsetof against openjpeg.h
/// 2.5.0). opj_set_default_encoder_parameters fills it first; only the fields the encoder changes are named.</summary>
[StructLayout(LayoutKind.Explicit, Size = 18720)]
internal unsafe struct OpjEncoderParameters
{
    /// <summary>OPJ_J2K_MAXRLVLS: the length of the precinct size arrays.</summary>
    public const int MaxResolutions = 33;

    /// <summary>Non-zero when the tile fields are used.</summary>
    [FieldOffset(0)] public int TileSizeOn;

    /// <summary>Tile grid origin.</summary>
    [FieldOffset(4)] public int TileOriginX;

    /// <summary>Tile grid origin.</summary>
    [FieldOffset(8)] public int TileOriginY;

    /// <summary>Tile width.</summary>
    [FieldOffset(12)] public int TileWidth;

    /// <summary>Tile height.</summary>
    [FieldOffset(16)] public int TileHeight;

    /// <summary>1 = layers by compression rate (tcp_rates).</summary>
    [FieldOffset(20)] public int DistortionAllocation;

    /// <summary>Coding style flags: 0x01 = user precincts, 0x02 = SOP, 0x04 = EPH.</summary>
    [FieldOffset(48)] public int CodingStyle;

    /// <summary>OPJ_PROG_ORDER.</summary>
    [FieldOffset(52)] public int ProgressionOrder;

    /// <summary>Number of quality layers.</summary>
    [FieldOffset(4796)] public int LayerCount;

    /// <summary>Compression ratio per layer; 0 in the last layer = lossless.</summary>
    [FieldOffset(4800)] public fixed float LayerRates[100];

    /// <summary>Number of resolution levels.</summary>
    [FieldOffset(5600)] public int ResolutionCount;

    /// <summary>Code-block width.</summary>
    [FieldOffset(5604)] public int CodeBlockWidth;

    /// <summary>Code-block height.</summary>
    [FieldOffset(5608)] public int CodeBlockHeight;

    /// <summary>1 = irreversible 9/7 wavelet, 0 = reversible 5/3.</summary>
    [FieldOffset(5616)] public int Irreversible;

    /// <summary>How many entries of the precinct arrays are given.</summary>
    [FieldOffset(5628)] public int PrecinctSpecCount;

    /// <summary>Precinct widths from the highest resolution down.</summary>
    [FieldOffset(5632)] public fixed int PrecinctWidths[MaxResolutions];

    /// <summary>Precinct heights from the highest resolution down.</summary>
    [FieldOffset(5764)] public fixed int PrecinctHeights[MaxResolutions];

    /// <summary>Multiple component transform: 1 = RCT/ICT on the first three components.</summary>
    [FieldOffset(18698)] public byte MultipleComponentTransform;
}

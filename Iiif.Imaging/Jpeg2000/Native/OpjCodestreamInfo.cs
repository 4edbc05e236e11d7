using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary><c>opj_codestream_info_v2_t</c> (72 bytes; offsets checked with offsetof against openjpeg.h 2.5.0). The
/// default tile info (an <c>opj_tile_info_v2_t</c>, 32 bytes) is inlined at 32.</summary>
[StructLayout(LayoutKind.Explicit, Size = 72)]
internal unsafe struct OpjCodestreamInfo
{
    /// <summary>Tile grid origin.</summary>
    [FieldOffset(0)] public uint TileOriginX;

    /// <summary>Tile grid origin.</summary>
    [FieldOffset(4)] public uint TileOriginY;

    /// <summary>Nominal tile width.</summary>
    [FieldOffset(8)] public uint TileWidth;

    /// <summary>Nominal tile height.</summary>
    [FieldOffset(12)] public uint TileHeight;

    /// <summary>Number of tile columns.</summary>
    [FieldOffset(16)] public uint TileColumns;

    /// <summary>Number of tile rows.</summary>
    [FieldOffset(20)] public uint TileRows;

    /// <summary>Number of components.</summary>
    [FieldOffset(24)] public uint ComponentCount;

    /// <summary>m_default_tile_info.prg (OPJ_PROG_ORDER).</summary>
    [FieldOffset(32 + 8)] public int ProgressionOrder;

    /// <summary>m_default_tile_info.numlayers.</summary>
    [FieldOffset(32 + 12)] public uint QualityLayers;

    /// <summary>m_default_tile_info.tccp_info: one <see cref="OpjTileComponentInfo"/> per component.</summary>
    [FieldOffset(32 + 24)] public OpjTileComponentInfo* TileComponents;
}

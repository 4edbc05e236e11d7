using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary><c>opj_tccp_info_t</c> (1080 bytes; offsets checked with offsetof against openjpeg.h 2.5.0).</summary>
[StructLayout(LayoutKind.Explicit, Size = 1080)]
internal struct OpjTileComponentInfo
{
    /// <summary>Number of resolution levels (decomposition levels + 1).</summary>
    [FieldOffset(8)] public uint ResolutionCount;

    /// <summary>Code-block style (COD/COC SPcod): 0x40 = HT code-blocks (JPEG 2000 Part 15), 0x80 = HT mixed.</summary>
    [FieldOffset(20)] public uint CodeBlockStyle;

    /// <summary>Wavelet filter: 1 = reversible 5/3, 0 = irreversible 9/7.</summary>
    [FieldOffset(24)] public uint WaveletFilter;
}

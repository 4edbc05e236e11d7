using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary><c>opj_image_comp_t</c> (64 bytes on x64; offsets checked with offsetof against openjpeg.h 2.5.0).</summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
internal unsafe struct OpjImageComponent
{
    /// <summary>Horizontal subsampling on the reference grid.</summary>
    [FieldOffset(0)] public uint Dx;

    /// <summary>Vertical subsampling on the reference grid.</summary>
    [FieldOffset(4)] public uint Dy;

    /// <summary>Width of the decoded samples (at the decoded resolution).</summary>
    [FieldOffset(8)] public uint Width;

    /// <summary>Height of the decoded samples.</summary>
    [FieldOffset(12)] public uint Height;

    /// <summary>Component origin (full-resolution component coordinates).</summary>
    [FieldOffset(16)] public uint X0;

    /// <summary>Component origin (full-resolution component coordinates).</summary>
    [FieldOffset(20)] public uint Y0;

    /// <summary>Bits per sample, 1..38 in the standard; this reader handles 1..31.</summary>
    [FieldOffset(24)] public uint Precision;

    /// <summary>Non-zero when samples are signed.</summary>
    [FieldOffset(32)] public uint Signed;

    /// <summary>The resolution reduction the data was decoded at.</summary>
    [FieldOffset(40)] public uint Factor;

    /// <summary>Row-major samples, Width * Height of them.</summary>
    [FieldOffset(48)] public int* Data;

    /// <summary>Non-zero for an opacity channel (set from the JP2 cdef box after decoding).</summary>
    [FieldOffset(56)] public ushort Alpha;
}

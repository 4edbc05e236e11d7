using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary><c>opj_image_t</c> (48 bytes on x64; offsets checked with offsetof against openjpeg.h 2.5.0).</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal unsafe struct OpjImage
{
    /// <summary>Left edge of the image area on the reference grid.</summary>
    [FieldOffset(0)] public uint X0;

    /// <summary>Top edge of the image area on the reference grid.</summary>
    [FieldOffset(4)] public uint Y0;

    /// <summary>Exclusive right edge on the reference grid.</summary>
    [FieldOffset(8)] public uint X1;

    /// <summary>Exclusive bottom edge on the reference grid.</summary>
    [FieldOffset(12)] public uint Y1;

    /// <summary>Number of components.</summary>
    [FieldOffset(16)] public uint ComponentCount;

    /// <summary>OPJ_COLOR_SPACE; set from the JP2 colr box only after opj_decode.</summary>
    [FieldOffset(20)] public int ColorSpace;

    /// <summary>The component array.</summary>
    [FieldOffset(24)] public OpjImageComponent* Components;

    /// <summary>ICC profile bytes (or CIELab parameters when the length is 0), owned by the image.</summary>
    [FieldOffset(32)] public byte* IccProfile;

    /// <summary>ICC profile length in bytes.</summary>
    [FieldOffset(40)] public uint IccProfileLength;
}

using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg2000.Native;

/// <summary><c>opj_image_cmptparm_t</c> (36 bytes; offsets checked with offsetof against openjpeg.h 2.5.0).</summary>
[StructLayout(LayoutKind.Explicit, Size = 36)]
internal struct OpjComponentParameters
{
    /// <summary>Horizontal subsampling.</summary>
    [FieldOffset(0)] public uint Dx;

    /// <summary>Vertical subsampling.</summary>
    [FieldOffset(4)] public uint Dy;

    /// <summary>Component width in samples.</summary>
    [FieldOffset(8)] public uint Width;

    /// <summary>Component height in samples.</summary>
    [FieldOffset(12)] public uint Height;

    /// <summary>Component origin in component coordinates (ceil(image x0 / dx)).</summary>
    [FieldOffset(16)] public uint X0;

    /// <summary>Component origin in component coordinates (ceil(image y0 / dy)).</summary>
    [FieldOffset(20)] public uint Y0;

    /// <summary>Bits per sample.</summary>
    [FieldOffset(24)] public uint Precision;

    /// <summary>Non-zero when samples are signed.</summary>
    [FieldOffset(32)] public uint Signed;
}

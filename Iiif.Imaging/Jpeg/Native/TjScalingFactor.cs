using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg.Native;

/// <summary><c>tjscalingfactor</c>: a DCT scaling factor num/denom the decompressor supports.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct TjScalingFactor
{
    /// <summary>Numerator.</summary>
    public readonly int Num;

    /// <summary>Denominator.</summary>
    public readonly int Denom;
}

using System.Runtime.InteropServices;

namespace Iiif.Imaging.Jpeg.Native;

/// <summary><c>tjtransform</c>: one lossless transformation for <c>tjTransform</c> (a crop region, an operation, option
/// bits; no custom filter).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TjTransform
{
    /// <summary>TJXOPT_CROP: crop to the region (x and y a multiple of the MCU size; a width or height of 0 means "to the
    /// edge").</summary>
    public const int OptionCrop = 1 << 2;

    public int X;

    public int Y;

    public int Width;

    public int Height;

    /// <summary>TJXOP_*; 0 is none.</summary>
    public int Operation;

    /// <summary>TJXOPT_* bits.</summary>
    public int Options;

    public nint Data;

    public nint CustomFilter;
}

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Full-range YCbCr to RGB on 8-bit interleaved rows, in place.</summary>
/// <remarks>sYCC (IEC 61966-2-1 Amendment 1) and e-sYCC use the same BT.601 matrix; e-sYCC differs only in allowing
/// values outside the sRGB gamut, which an 8-bit RGB output has to clip anyway. Chroma arrives centred on 128
/// because signed chroma was shifted up by half its range while scaling. Coefficients are 16.16 fixed point.</remarks>
internal static class YccConversion
{
    private const int CrToR = 91881;   // 1.402
    private const int CbToG = 22554;   // 0.344136
    private const int CrToG = 46802;   // 0.714136
    private const int CbToB = 116130;  // 1.772
    private const int Half = 1 << 15;

    /// <summary>Converts the first three channels of each <paramref name="stride"/>-byte pixel of <paramref name="row"/>.</summary>
    public static void ToRgb(Span<byte> row, int stride)
    {
        for (var i = 0; i + 2 < row.Length; i += stride)
        {
            int y = row[i];
            var cb = row[i + 1] - 128;
            var cr = row[i + 2] - 128;
            row[i] = Clamp(y + ((CrToR * cr + Half) >> 16));
            row[i + 1] = Clamp(y + ((-(CbToG * cb) - (CrToG * cr) + Half) >> 16));
            row[i + 2] = Clamp(y + ((CbToB * cb + Half) >> 16));
        }
    }

    private static byte Clamp(int value) => PrecisionTables.ClampToByte(value);
}

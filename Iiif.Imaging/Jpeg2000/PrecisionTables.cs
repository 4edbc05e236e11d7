using System.Runtime.CompilerServices;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Lookup tables from n-bit unsigned samples (1..16 bits) to 8 bits, rounded to nearest: round(v * 255 / (2^n - 1)).
/// Built once per precision and shared; they are read-only after construction.</summary>
internal static class PrecisionTables
{
    /// <summary>The largest precision served by a table (64 KB); wider samples are scaled arithmetically.</summary>
    public const int MaxTablePrecision = 16;

    private static readonly byte[]?[] Tables = new byte[]?[MaxTablePrecision + 1];

    /// <summary>The table for <paramref name="precision"/> bits, indexed by the unsigned sample value.</summary>
    public static byte[] For(int precision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, MaxTablePrecision);
        return Volatile.Read(ref Tables[precision]) ?? Build(precision);
    }

    /// <summary>Clamps <paramref name="value"/> to 0-255. Written out rather than Math.Clamp, which ReadyToRun code cannot
    /// inline from another assembly: a cold walk's profile showed it called once per sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte ClampToByte(int value) => (uint)value <= 255 ? (byte)value : value < 0 ? (byte)0 : (byte)255;

    /// <summary>Scales one unsigned sample of any precision up to 31 bits, with the same rounding as the tables.</summary>
    public static byte Scale(long value, int precision)
    {
        var max = (1L << precision) - 1;
        value = Math.Clamp(value, 0, max);
        return (byte)(((value * 255) + (max / 2)) / max);
    }

    private static byte[] Build(int precision)
    {
        var table = new byte[1 << precision];
        for (var v = 0; v < table.Length; v++)
        {
            table[v] = Scale(v, precision);
        }

        // Two threads may both build; either result is identical, so the race is harmless.
        Volatile.Write(ref Tables[precision], table);
        return table;
    }
}

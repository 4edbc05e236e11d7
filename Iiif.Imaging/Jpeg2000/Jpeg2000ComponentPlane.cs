namespace Iiif.Imaging.Jpeg2000;

/// <summary>One component's samples for <see cref="Jpeg2000Encoder"/>: row-major, <see cref="Width"/> *
/// <see cref="Height"/> values that must fit <see cref="Precision"/> bits (signed or not).</summary>
/// <remarks>A component subsampled by (dx, dy) on an image at origin (x0, y0) of size (w, h) has
/// ceil((x0 + w) / dx) - ceil(x0 / dx) columns and ceil((y0 + h) / dy) - ceil(y0 / dy) rows (ISO 15444-1 B.2).</remarks>
public sealed class Jpeg2000ComponentPlane
{
    /// <summary>Creates a plane.</summary>
    public Jpeg2000ComponentPlane(ReadOnlyMemory<int> samples, int width, int height, int precision)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, 16);
        if (samples.Length != (long)width * height)
        {
            throw new ArgumentException("The plane needs exactly width * height samples.", nameof(samples));
        }

        Samples = samples;
        Width = width;
        Height = height;
        Precision = precision;
    }

    /// <summary>The samples, row by row.</summary>
    public ReadOnlyMemory<int> Samples { get; }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Bits per sample, 1..16.</summary>
    public int Precision { get; }

    /// <summary>True when the samples are signed (range -2^(p-1) .. 2^(p-1)-1).</summary>
    public bool IsSigned { get; init; }

    /// <summary>Horizontal subsampling (1 = every column).</summary>
    public int Dx { get; init; } = 1;

    /// <summary>Vertical subsampling (1 = every row).</summary>
    public int Dy { get; init; } = 1;

    /// <summary>True for an opacity channel (declared in the JP2 cdef box).</summary>
    public bool IsAlpha { get; init; }
}

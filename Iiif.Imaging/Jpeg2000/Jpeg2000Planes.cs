namespace Iiif.Imaging.Jpeg2000;

/// <summary>Raw component planes for <see cref="Jpeg2000Encoder"/>: what ImageSharp images cannot express (signed
/// samples, odd precisions, subsampled YCC, e-sYCC).</summary>
public sealed class Jpeg2000Planes
{
    /// <summary>Creates the input.</summary>
    /// <param name="width">Image width in pixels (full-resolution reference grid units).</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="colorSpace">The colour space to declare. YCC planes are stored as given: no colour transform is
    /// applied to them.</param>
    /// <param name="components">1 to 4 components.</param>
    public Jpeg2000Planes(int width, int height, Jpeg2000ColorSpace colorSpace, IReadOnlyList<Jpeg2000ComponentPlane> components)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentOutOfRangeException.ThrowIfZero(components.Count, nameof(components));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(components.Count, 4, nameof(components));
        Width = width;
        Height = height;
        ColorSpace = colorSpace;
        Components = components;
    }

    /// <summary>Image width.</summary>
    public int Width { get; }

    /// <summary>Image height.</summary>
    public int Height { get; }

    /// <summary>The declared colour space.</summary>
    public Jpeg2000ColorSpace ColorSpace { get; }

    /// <summary>The components in codestream order.</summary>
    public IReadOnlyList<Jpeg2000ComponentPlane> Components { get; }
}

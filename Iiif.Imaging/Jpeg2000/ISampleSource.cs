using Iiif.Core.Geometry;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Pixels to encode, served a tile-component at a time so the whole image never has to be copied into
/// OpenJPEG's 32-bit-per-sample planes.</summary>
internal interface ISampleSource
{
    /// <summary>Image width in pixels.</summary>
    int Width { get; }

    /// <summary>Image height in pixels.</summary>
    int Height { get; }

    /// <summary>The colour space to declare.</summary>
    Jpeg2000ColorSpace ColorSpace { get; }

    /// <summary>The components in codestream order.</summary>
    IReadOnlyList<SampleComponent> Components { get; }

    /// <summary>The ICC profile the input carries (empty when none).</summary>
    ReadOnlyMemory<byte> IccProfile { get; }

    /// <summary>Copies the samples of <paramref name="component"/> inside <paramref name="rect"/> (component sample
    /// coordinates, 0,0 = the component's first sample) row by row into <paramref name="destination"/>, one or two bytes
    /// per sample as <see cref="SampleComponent.BytesPerSample"/> says (native endianness, two's complement if signed).</summary>
    void CopyComponent(int component, PixelRect rect, Span<byte> destination);
}

namespace Iiif.Imaging.Jpeg;

/// <summary>The frame header (SOFn) of a JPEG: which coding process wrote it and its component sampling.</summary>
/// <param name="Marker">The SOFn marker's second byte (0xC0 baseline, 0xC1 extended, 0xC2 progressive, ...).</param>
/// <param name="Precision">Bits per sample (8 or 12 for DCT, 2-16 for lossless).</param>
/// <param name="Width">Samples per line.</param>
/// <param name="Height">Number of lines (0 when a DNL marker gives it later).</param>
/// <param name="ComponentCount">Number of components.</param>
/// <param name="SamplingUnits">The sum over components of h * v, relative to the largest (h * v): how many full-size
/// planes of samples the components add up to (1.5 for 4:2:0 YCbCr, 3 for 4:4:4, 1 for gray).</param>
internal readonly record struct JpegFrame(byte Marker, int Precision, int Width, int Height, int ComponentCount, double SamplingUnits)
{
    /// <summary>Progressive DCT (SOF2, SOF6, SOF10, SOF14): decoding keeps every coefficient of the image in memory.</summary>
    public bool IsProgressive => Marker is 0xC2 or 0xC6 or 0xCA or 0xCE;

    /// <summary>Lossless (SOF3, SOF7, SOF11, SOF15).</summary>
    public bool IsLossless => Marker is 0xC3 or 0xC7 or 0xCB or 0xCF;

    /// <summary>Hierarchical (SOF5-7, SOF13-15), which libjpeg does not decode.</summary>
    public bool IsHierarchical => Marker is 0xC5 or 0xC6 or 0xC7 or 0xCD or 0xCE or 0xCF;

    /// <summary>Sequential (one scan after another, top to bottom): rows can be skipped and decoded in bands.</summary>
    public bool IsSequential => !IsProgressive && !IsLossless && !IsHierarchical;

    /// <summary>Bytes libjpeg holds for a progressive decode of a <paramref name="width"/> x <paramref name="height"/>
    /// image whatever the output scale: every DCT coefficient, 2 bytes each. 0 for sequential files.</summary>
    public long CoefficientBytes(int width, int height) =>
        IsProgressive ? (long)(width * (double)height * SamplingUnits * 2) : 0;
}

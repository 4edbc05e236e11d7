namespace Iiif.Imaging.Jpeg2000;

/// <summary>How one component is stored in the codestream being written.</summary>
internal readonly record struct SampleComponent(int Precision, bool IsSigned, int Dx, int Dy, bool IsAlpha)
{
    /// <summary>Bytes per sample in opj_write_tile's buffer: 1 up to 8 bits, 2 up to 16 (openjpeg.h).</summary>
    public int BytesPerSample => Precision <= 8 ? 1 : 2;
}

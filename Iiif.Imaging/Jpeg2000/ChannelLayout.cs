using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Which decoded components become which output channels: colour first (1 or 3), then alpha if any.</summary>
/// <param name="Components">Component indices in output channel order.</param>
/// <param name="HasAlpha">True when the last entry is an opacity channel.</param>
/// <param name="IsYcc">True when the three colour channels are Y, Cb, Cr and need converting to RGB.</param>
internal sealed record ChannelLayout(int[] Components, bool HasAlpha, bool IsYcc)
{
    private const int SRgb = 1;
    private const int Gray = 2;
    private const int SYcc = 3;
    private const int EYcc = 4;
    private const int Cmyk = 5;

    /// <summary>Chooses the layout of a decoded image.</summary>
    /// <remarks>The colour space comes from the JP2 colr box (OpenJPEG sets it during opj_decode); alpha from the cdef
    /// box. Without them the component count decides: 2 = grey + alpha, 4 = RGB + alpha, as the JP2 writer of OpenJPEG
    /// drops cdef when an ICC profile is present. A raw codestream with subsampled second and third components is
    /// taken as YCC, the only reason to subsample chroma.</remarks>
    /// <exception cref="ImageDecodeException">CMYK, which this reader does not convert.</exception>
    public static unsafe ChannelLayout For(OpjImage* image)
    {
        var count = (int)image->ComponentCount;
        var space = image->ColorSpace;
        if (space == Cmyk)
        {
            throw new ImageDecodeException("CMYK JPEG 2000 images are not supported.");
        }

        var alpha = -1;
        for (var i = 0; i < count && alpha < 0; i++)
        {
            alpha = image->Components[i].Alpha != 0 ? i : -1;
        }

        var colourAvailable = count - (alpha >= 0 ? 1 : 0);
        var colour = space == Gray || colourAvailable < 3 ? 1 : 3;
        var indices = Enumerable.Range(0, count).Where(i => i != alpha).Take(colour).ToList();
        if (alpha < 0 && count == colour + 1)
        {
            alpha = count - 1;
        }

        if (alpha >= 0)
        {
            indices.Add(alpha);
        }

        var ycc = colour == 3 && (space is SYcc or EYcc || (space != SRgb && LooksSubsampled(image, indices)));
        return new ChannelLayout([.. indices], alpha >= 0, ycc);
    }

    private static unsafe bool LooksSubsampled(OpjImage* image, List<int> indices)
    {
        var luma = image->Components[indices[0]];
        var chroma = image->Components[indices[1]];
        return luma.Dx == 1 && luma.Dy == 1 && (chroma.Dx > 1 || chroma.Dy > 1);
    }
}

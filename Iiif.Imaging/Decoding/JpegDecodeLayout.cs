using System.Numerics;
using Iiif.Imaging.Jpeg;

namespace Iiif.Imaging.Decoding;

/// <summary>How a JPEG is decoded at one scale within the memory budget: whole (<see cref="BandRows"/> 0) or in
/// full-width bands of <see cref="BandRows"/> rows.</summary>
internal readonly record struct JpegDecodeLayout(int BandRows)
{
    /// <summary>The most rows a band holds; a power of two, so IIIF tiles (powers of two at every scale) never straddle
    /// a band unless they are taller than one.</summary>
    public const int MaxBandRows = 4096;

    /// <summary>Whole when the scaled image needs at most half of <paramref name="budgetBytes"/> (or, for a progressive
    /// file, which cannot be decoded in bands, when image and coefficients fit the budget together); otherwise bands of
    /// at most an eighth of the budget, for sequential files.</summary>
    /// <exception cref="SourceTooLargeException">Neither fits.</exception>
    public static JpegDecodeLayout Choose(JpegHeader header, int reduce, long budgetBytes, string identifier)
    {
        ArgumentNullException.ThrowIfNull(header);
        var bytes = header.DecodedBytes(reduce);
        var coefficients = header.Frame.CoefficientBytes(header.Width, header.Height);
        if (bytes <= budgetBytes / 2 && coefficients <= budgetBytes)
        {
            return new JpegDecodeLayout(0);
        }

        if (!header.Frame.IsSequential)
        {
            if (bytes + coefficients <= budgetBytes)
            {
                return new JpegDecodeLayout(0);
            }

            throw new SourceTooLargeException(
                $"The source '{identifier}' ({header.Width}x{header.Height}) is a progressive JPEG: decoding it at any size holds "
                + $"{coefficients} bytes of DCT coefficients plus {bytes} bytes of pixels, over the budget of {budgetBytes} bytes, and "
                + "progressive files cannot be decoded in bands. Re-encode it as baseline JPEG or convert it to tiled JPEG 2000.");
        }

        var rowBytes = (long)header.ScaledSize(reduce).Width * header.BytesPerPixel;
        var rows = Math.Min(MaxBandRows, budgetBytes / 8 / rowBytes);
        if (rows < 1)
        {
            throw new SourceTooLargeException(identifier, header.Width, header.Height, bytes, budgetBytes);
        }

        return new JpegDecodeLayout((int)BitOperations.RoundUpToPowerOf2((ulong)rows + 1) / 2);
    }
}

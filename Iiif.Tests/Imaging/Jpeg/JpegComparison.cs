using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Jpeg;

/// <summary>Tolerant pixel comparisons for JPEG decodes: two IDCT implementations, or an IDCT scaled by 1/2^r and a box
/// average, differ by a few levels, never by a shifted or misplaced region.</summary>
internal static class JpegComparison
{
    /// <summary>Mean absolute difference over all samples of two images of the same size and channel count.</summary>
    public static double MeanDifference(PixelData actual, PixelData expected)
    {
        Assert.That((actual.Width, actual.Height, actual.Channels), Is.EqualTo((expected.Width, expected.Height, expected.Channels)));
        double sum = 0;
        for (var i = 0; i < actual.Samples.Length; i++)
        {
            sum += Math.Abs(actual.Samples[i] - expected.Samples[i]);
        }

        return sum / actual.Samples.Length;
    }

    /// <summary>Each pixel the mean of the aligned 2^r x 2^r block it stands for (clipped at the edges): what an IDCT
    /// scaled by 1/2^r approximates.</summary>
    public static PixelData BlockAverage(PixelData source, int reduce)
    {
        var factor = 1 << reduce;
        var width = (source.Width + factor - 1) / factor;
        var height = (source.Height + factor - 1) / factor;
        return PixelData.From(width, height, source.Channels, (x, y, c) =>
        {
            int sum = 0, count = 0;
            for (var sy = y * factor; sy < Math.Min((y + 1) * factor, source.Height); sy++)
            {
                for (var sx = x * factor; sx < Math.Min((x + 1) * factor, source.Width); sx++)
                {
                    sum += source[sx, sy, c];
                    count++;
                }
            }

            return (byte)Math.Round((double)sum / count);
        });
    }

    /// <summary>The image ImageSharp decodes from <paramref name="jpeg"/>, as samples.</summary>
    public static PixelData ImageSharpDecode(byte[] jpeg, bool gray)
    {
        using var image = gray
            ? (Image)Image.Load<SixLabors.ImageSharp.PixelFormats.L8>(PatternImages.TestConfiguration, jpeg)
            : Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(PatternImages.TestConfiguration, jpeg);
        return PixelData.Of(image);
    }
}

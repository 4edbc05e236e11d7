using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Web.Cli.Samples;

/// <summary>The colours of the fractal samples: a cosine gradient (each channel 0.5 + 0.5 cos(2 pi (t + phase))) that cycles
/// smoothly through deep blue, white and gold; the logarithm of the escape count keeps the bands similar in width from the
/// overview down to the finest level.</summary>
internal static class Palette
{
    private static readonly Rgb24 Inside = new(6, 8, 24);

    /// <summary>The colour of a smooth escape count (negative: inside the set).</summary>
    public static Rgb24 Colour(double escape)
    {
        if (escape < 0)
        {
            return Inside;
        }

        var t = Math.Log(escape + 1) * 0.9;
        return new Rgb24(Channel(t, 0.00), Channel(t, 0.15), Channel(t, 0.30));
    }

    private static byte Channel(double t, double phase) =>
        (byte)Math.Clamp(Math.Round(255 * (0.5 + (0.5 * Math.Cos(2 * Math.PI * (t + phase))))), 0, 255);
}

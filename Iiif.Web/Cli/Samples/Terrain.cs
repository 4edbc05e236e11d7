using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Web.Cli.Samples;

/// <summary>A shaded relief map of layered value noise (fractal Brownian motion): sea, beaches, grass, rock and snow, lit
/// from the north-west. Deterministic: the noise lattice is a hash of integer coordinates, not a random generator.</summary>
internal static class Terrain
{
    private const int Octaves = 7;
    private const double BaseCells = 6;

    public static Image<Rgb24> Render(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        var scale = BaseCells / width;
        Parallel.For(0, height, y =>
        {
            var row = image.DangerousGetPixelRowMemory(y).Span;
            for (var x = 0; x < width; x++)
            {
                var h = Height(x * scale, y * scale);
                // Slope from neighbouring heights, for a light from the upper left.
                var shade = Math.Clamp(0.75 + ((h - Height((x + 1) * scale, (y + 1) * scale)) * 60), 0.35, 1.25);
                row[x] = Colour(h, shade);
            }
        });
        return image;
    }

    private static double Height(double x, double y)
    {
        double sum = 0, amplitude = 0.5, frequency = 1;
        for (var o = 0; o < Octaves; o++)
        {
            sum += amplitude * Noise((x * frequency) + (o * 17.3), (y * frequency) - (o * 9.1));
            amplitude *= 0.5;
            frequency *= 2.03;
        }

        return sum;
    }

    private static Rgb24 Colour(double h, double shade)
    {
        (double R, double G, double B) c = h switch
        {
            < 0.42 => (20 + (h * 80), 60 + (h * 160), 120 + (h * 200)),
            < 0.45 => (210, 200, 150),
            < 0.62 => (60 + ((h - 0.45) * 300), 130 - ((h - 0.45) * 100), 50),
            < 0.74 => (120, 105, 90),
            _ => (240, 240, 245),
        };
        var s = h < 0.42 ? 1 : shade;
        return new Rgb24(Byte(c.R * s), Byte(c.G * s), Byte(c.B * s));
    }

    private static byte Byte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    /// <summary>Smoothly interpolated lattice noise in [0, 1].</summary>
    private static double Noise(double x, double y)
    {
        var ix = (int)Math.Floor(x);
        var iy = (int)Math.Floor(y);
        var fx = Fade(x - ix);
        var fy = Fade(y - iy);
        var top = Lerp(Lattice(ix, iy), Lattice(ix + 1, iy), fx);
        var bottom = Lerp(Lattice(ix, iy + 1), Lattice(ix + 1, iy + 1), fx);
        return Lerp(top, bottom, fy);
    }

    private static double Fade(double t) => t * t * (3 - (2 * t));

    private static double Lerp(double a, double b, double t) => a + ((b - a) * t);

    private static double Lattice(int x, int y)
    {
        var h = unchecked(((uint)x * 374761393u) + ((uint)y * 668265263u));
        h = unchecked((h ^ (h >> 13)) * 1274126177u);
        return (h ^ (h >> 16)) / (double)uint.MaxValue;
    }
}

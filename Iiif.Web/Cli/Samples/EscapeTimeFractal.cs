using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Web.Cli.Samples;

/// <summary>Renders Mandelbrot and Julia sets with smooth (continuous escape-time) colouring, so the bands blend at every
/// zoom level instead of stepping. Rows are rendered in parallel strips; the result depends only on the inputs.</summary>
internal sealed class EscapeTimeFractal
{
    private const double Bailout = 256 * 256;
    private const int StripRows = 32;

    private readonly double _centerX;
    private readonly double _centerY;
    private readonly double _spanX;
    private readonly int _maxIterations;
    private readonly (double Re, double Im)? _juliaC;

    private EscapeTimeFractal(double centerX, double centerY, double spanX, int maxIterations, (double, double)? juliaC)
    {
        _centerX = centerX;
        _centerY = centerY;
        _spanX = spanX;
        _maxIterations = maxIterations;
        _juliaC = juliaC;
    }

    /// <summary>The whole Mandelbrot set, framed for a 4:3 image.</summary>
    public static EscapeTimeFractal Mandelbrot() => new(-0.74, 0, 3.0, 1500, null);

    /// <summary>The Julia set of c = -0.8 + 0.156i (a connected "dragon" with spirals at every scale).</summary>
    public static EscapeTimeFractal Julia() => new(0, 0, 3.2, 600, (-0.8, 0.156));

    /// <summary>Renders a <paramref name="width"/> x <paramref name="height"/> picture.</summary>
    public Image<Rgb24> Render(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        var strips = (height + StripRows - 1) / StripRows;
        var pixel = _spanX / width;
        Parallel.For(0, strips, strip =>
        {
            var end = Math.Min(height, (strip + 1) * StripRows);
            for (var y = strip * StripRows; y < end; y++)
            {
                var row = image.DangerousGetPixelRowMemory(y).Span;
                var im = _centerY + ((y + 0.5 - (height / 2.0)) * pixel);
                for (var x = 0; x < width; x++)
                {
                    var re = _centerX + ((x + 0.5 - (width / 2.0)) * pixel);
                    row[x] = Palette.Colour(Escape(re, im));
                }
            }
        });
        return image;
    }

    /// <summary>The smooth escape count, or -1 inside the set.</summary>
    private double Escape(double re, double im)
    {
        double zr = re, zi = im, cr = re, ci = im;
        if (_juliaC is { } c)
        {
            (cr, ci) = c;
        }
        else if (InMainBulbs(re, im))
        {
            return -1;
        }

        double zr2 = zr * zr, zi2 = zi * zi, savedR = zr, savedI = zi;
        var period = 8;
        for (var n = 0; n < _maxIterations; n++)
        {
            zi = (2 * zr * zi) + ci;
            zr = zr2 - zi2 + cr;
            zr2 = zr * zr;
            zi2 = zi * zi;
            if (zr2 + zi2 > Bailout)
            {
                // n + 1 - log2(log|z|): the fractional part that makes the count continuous.
                return n + 1 - Math.Log2(Math.Log(zr2 + zi2) / 2);
            }

            // An orbit that returns to a saved point is periodic and never escapes (Brent-style period check).
            if (Math.Abs(zr - savedR) < 1e-13 && Math.Abs(zi - savedI) < 1e-13)
            {
                return -1;
            }

            if (n == period)
            {
                savedR = zr;
                savedI = zi;
                period *= 2;
            }
        }

        return -1;
    }

    /// <summary>The main cardioid and the period-2 disc hold most of the set's area; testing them first avoids iterating
    /// to the limit there.</summary>
    private static bool InMainBulbs(double x, double y)
    {
        var q = ((x - 0.25) * (x - 0.25)) + (y * y);
        return q * (q + (x - 0.25)) <= 0.25 * y * y || ((x + 1) * (x + 1)) + (y * y) <= 0.0625;
    }
}

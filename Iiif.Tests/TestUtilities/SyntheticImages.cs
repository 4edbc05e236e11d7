using Iiif.Imaging.Jpeg2000;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.TestUtilities;

/// <summary>Deterministic test pictures: smooth gradients and waves (so reduced levels resemble box-downscaled
/// sources) plus seeded noise (so a misplaced or shifted pixel never goes unnoticed in exact comparisons).</summary>
internal static class SyntheticImages
{
    public static Image<Rgb24> Rgb(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24(
                    Noisy(Ramp(x, width), random),
                    Noisy(Ramp(y, height), random),
                    Noisy(Wave(x, y), random));
            }
        }

        return image;
    }

    public static Image<Rgba32> Rgba(int width, int height, int seed = 2)
    {
        using var rgb = Rgb(width, height, seed);
        var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = rgb[x, y];
                image[x, y] = new Rgba32(p.R, p.G, p.B, Ramp(x + y, width + height - 1));
            }
        }

        return image;
    }

    public static Image<L8> Gray(int width, int height, int seed = 3)
    {
        var random = new Random(seed);
        var image = new Image<L8>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new L8(Noisy((byte)((Ramp(x, width) + Wave(x, y)) / 2), random));
            }
        }

        return image;
    }

    public static Image<La16> GrayAlpha(int width, int height, int seed = 4)
    {
        using var gray = Gray(width, height, seed);
        var image = new Image<La16>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new La16(gray[x, y].PackedValue, Ramp(y, height));
            }
        }

        return image;
    }

    public static Image<L16> Gray16(int width, int height, int seed = 5)
    {
        var random = new Random(seed);
        var image = new Image<L16>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var value = ((long)x * 65535 / Math.Max(width - 1, 1) + (Wave(x, y) * 257)) / 2 + random.Next(-700, 701);
                image[x, y] = new L16((ushort)Math.Clamp(value, 0, 65535));
            }
        }

        return image;
    }

    public static Image<Rgb48> Rgb16(int width, int height, int seed = 6)
    {
        using var rgb = Rgb(width, height, seed);
        var random = new Random(seed);
        var image = new Image<Rgb48>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = rgb[x, y];
                image[x, y] = new Rgb48(Wide(p.R, random), Wide(p.G, random), Wide(p.B, random));
            }
        }

        return image;
    }

    /// <summary>A single-component plane of <paramref name="precision"/> bits, signed or not, covering the full range.</summary>
    public static Jpeg2000ComponentPlane GrayPlane(int width, int height, int precision, bool signed, int seed = 7)
    {
        var random = new Random(seed);
        var max = (1 << precision) - 1;
        var offset = signed ? 1 << (precision - 1) : 0;
        // No noise at very low precisions: random bits are incompressible, and OpenJPEG 2.5 sizes its tile output buffer
        // from the raw tile size, so lossless coding of pure noise at 1-2 bits overflows it.
        var noise = precision >= 8 ? 2 : 0;
        var samples = new int[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var unsigned = Math.Clamp((((long)x * max / Math.Max(width - 1, 1)) + (Wave(x, y) * max / 255)) / 2 + random.Next(-noise, noise + 1), 0, max);
                samples[(y * width) + x] = (int)unsigned - offset;
            }
        }

        return new Jpeg2000ComponentPlane(samples, width, height, precision) { IsSigned = signed };
    }

    /// <summary>Full-range BT.601 YCbCr planes of <paramref name="rgb"/>, chroma averaged over 2x2 blocks (4:2:0), for an
    /// image placed at (<paramref name="originX"/>, <paramref name="originY"/>) on the reference grid: chroma sample k
    /// covers grid positions [2k, 2k + 2) (ISO 15444-1 B.2), so at an odd origin the first image column has none.</summary>
    public static Jpeg2000Planes Ycc420(Image<Rgb24> rgb, Jpeg2000ColorSpace colorSpace, int originX = 0, int originY = 0)
    {
        int w = rgb.Width, h = rgb.Height;
        int firstX = (originX + 1) / 2, firstY = (originY + 1) / 2;
        int cw = ((originX + w + 1) / 2) - firstX, ch = ((originY + h + 1) / 2) - firstY;
        var luma = new int[w * h];
        var counts = new int[cw * ch];
        var sumCb = new double[cw * ch];
        var sumCr = new double[cw * ch];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var p = rgb[x, y];
                luma[(y * w) + x] = Byte((0.299 * p.R) + (0.587 * p.G) + (0.114 * p.B));
                int cx = ((originX + x) / 2) - firstX, cy = ((originY + y) / 2) - firstY;
                if (cx < 0 || cy < 0)
                {
                    continue;
                }

                var i = (cy * cw) + cx;
                sumCb[i] += 128 - (0.168736 * p.R) - (0.331264 * p.G) + (0.5 * p.B);
                sumCr[i] += 128 + (0.5 * p.R) - (0.418688 * p.G) - (0.081312 * p.B);
                counts[i]++;
            }
        }

        var cb = new int[cw * ch];
        var cr = new int[cw * ch];
        for (var i = 0; i < counts.Length; i++)
        {
            cb[i] = Byte(sumCb[i] / counts[i]);
            cr[i] = Byte(sumCr[i] / counts[i]);
        }

        return new Jpeg2000Planes(w, h, colorSpace,
        [
            new Jpeg2000ComponentPlane(luma, w, h, 8),
            new Jpeg2000ComponentPlane(cb, cw, ch, 8) { Dx = 2, Dy = 2 },
            new Jpeg2000ComponentPlane(cr, cw, ch, 8) { Dx = 2, Dy = 2 },
        ]);
    }

    /// <summary>A minimal well-formed ICC profile (header only, no tags): enough to check it travels byte for byte.</summary>
    public static byte[] TinyIccProfile()
    {
        var profile = new byte[132];
        profile[3] = 132;                                  // profile size
        profile[8] = 2;                                    // version 2.0
        "mntr"u8.CopyTo(profile.AsSpan(12));               // device class
        "RGB "u8.CopyTo(profile.AsSpan(16));               // colour space
        "XYZ "u8.CopyTo(profile.AsSpan(20));               // connection space
        "acsp"u8.CopyTo(profile.AsSpan(36));               // signature
        return profile;
    }

    private static byte Ramp(int position, int length) => (byte)((long)position * 255 / Math.Max(length - 1, 1));

    private static byte Wave(int x, int y) => Byte(128 + (90 * Math.Sin(x / 19.0) * Math.Cos(y / 13.0)));

    private static byte Noisy(byte value, Random random) => (byte)Math.Clamp(value + random.Next(-3, 4), 0, 255);

    private static ushort Wide(byte value, Random random) => (ushort)Math.Clamp((value * 257) + random.Next(-200, 201), 0, 65535);

    private static byte Byte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}

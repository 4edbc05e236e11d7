using System.Runtime.InteropServices;
using Iiif.Core.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.TestUtilities;

/// <summary>Interleaved 8-bit samples of an image (or a rectangle of it), for exact and tolerant comparisons.</summary>
internal sealed class PixelData
{
    private PixelData(byte[] samples, int width, int height, int channels)
    {
        Samples = samples;
        Width = width;
        Height = height;
        Channels = channels;
    }

    public byte[] Samples { get; }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public byte this[int x, int y, int channel] => Samples[(((y * Width) + x) * Channels) + channel];

    /// <summary>The samples of <paramref name="rect"/> (whole image when null) of an 8-bit-per-channel image.</summary>
    public static PixelData Of(Image image, PixelRect? rect = null) => image switch
    {
        Image<L8> i => Of(i, 1, rect),
        Image<La16> i => Of(i, 2, rect),
        Image<Rgb24> i => Of(i, 3, rect),
        Image<Rgba32> i => Of(i, 4, rect),
        _ => throw new ArgumentException("Not an 8-bit interleaved pixel type.", nameof(image)),
    };

    /// <summary>Samples computed per position and channel.</summary>
    public static PixelData From(int width, int height, int channels, Func<int, int, int, byte> sample)
    {
        var samples = new byte[width * height * channels];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    samples[(((y * width) + x) * channels) + c] = sample(x, y, c);
                }
            }
        }

        return new PixelData(samples, width, height, channels);
    }

    /// <summary>Each output pixel k is the mean of the source over the 2^r window centred where the wavelet's low-pass
    /// sample k sits (k * 2^r), clipped to the image; the reference a reduced JPEG 2000 level approximates.</summary>
    public PixelData Downscaled(int reduce)
    {
        var scale = 1 << reduce;
        var width = (Width + scale - 1) / scale;
        var height = (Height + scale - 1) / scale;
        return From(width, height, Channels, (x, y, c) => WindowMean(x * scale, y * scale, scale, c));
    }

    /// <summary>Each output pixel is the rounded mean of an aligned <paramref name="factor"/> x <paramref name="factor"/>
    /// block, clipped at the right and bottom edges (a partial block still makes a pixel).</summary>
    public PixelData Binned(int factor) =>
        From((Width + factor - 1) / factor, (Height + factor - 1) / factor, Channels, (x, y, c) =>
            Mean(x * factor, Math.Min((x + 1) * factor, Width), y * factor, Math.Min((y + 1) * factor, Height), c));

    public PixelData Crop(PixelRect rect) => From(rect.Width, rect.Height, Channels, (x, y, c) => this[rect.X + x, rect.Y + y, c]);

    /// <summary>Mean absolute difference over all samples.</summary>
    public double MeanAbsoluteError(PixelData other)
    {
        CheckShape(other);
        long sum = 0;
        for (var i = 0; i < Samples.Length; i++)
        {
            sum += Math.Abs(Samples[i] - other.Samples[i]);
        }

        return (double)sum / Samples.Length;
    }

    /// <summary>Largest absolute difference of any sample.</summary>
    public int MaxError(PixelData other)
    {
        CheckShape(other);
        var max = 0;
        for (var i = 0; i < Samples.Length; i++)
        {
            max = Math.Max(max, Math.Abs(Samples[i] - other.Samples[i]));
        }

        return max;
    }

    /// <summary>Peak signal-to-noise ratio in dB.</summary>
    public double Psnr(PixelData other)
    {
        CheckShape(other);
        double sum = 0;
        for (var i = 0; i < Samples.Length; i++)
        {
            double d = Samples[i] - other.Samples[i];
            sum += d * d;
        }

        return sum == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / (sum / Samples.Length));
    }

    private static PixelData Of<TPixel>(Image<TPixel> image, int channels, PixelRect? rect)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var r = rect ?? new PixelRect(0, 0, image.Width, image.Height);
        var samples = new byte[r.Width * r.Height * channels];
        for (var y = 0; y < r.Height; y++)
        {
            var row = MemoryMarshal.AsBytes(image.DangerousGetPixelRowMemory(r.Y + y).Span);
            row.Slice(r.X * channels, r.Width * channels).CopyTo(samples.AsSpan(y * r.Width * channels));
        }

        return new PixelData(samples, r.Width, r.Height, channels);
    }

    private byte WindowMean(int centreX, int centreY, int scale, int channel) =>
        Mean(Math.Max(centreX - (scale / 2), 0), Math.Min(centreX + ((scale + 1) / 2), Width),
            Math.Max(centreY - (scale / 2), 0), Math.Min(centreY + ((scale + 1) / 2), Height), channel);

    /// <summary>The rounded mean of one channel over [x0, x1) x [y0, y1).</summary>
    private byte Mean(int x0, int x1, int y0, int y1, int channel)
    {
        long sum = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                sum += this[x, y, channel];
            }
        }

        var count = (x1 - x0) * (y1 - y0);
        return (byte)((sum + (count / 2)) / count);
    }

    private void CheckShape(PixelData other)
    {
        if (other.Width != Width || other.Height != Height || other.Channels != Channels)
        {
            throw new ArgumentException($"Shape {other.Width}x{other.Height}x{other.Channels} differs from {Width}x{Height}x{Channels}.", nameof(other));
        }
    }
}

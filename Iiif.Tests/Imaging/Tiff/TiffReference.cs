using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Tiff;

/// <summary>libtiff's reading of a stored level (a PNG from <see cref="TiffTestImages.ReferenceOf"/>) turned into the
/// 8-bit samples the decoder should give: 16-bit samples rounded to 8 bits, premultiplied colour divided by alpha.</summary>
internal static class TiffReference
{
    public static PixelData Load(string png, int channels, bool associatedAlpha)
    {
        using var image = Image.Load(png);
        var (wide, source) = Samples(image);
        var inputChannels = source.Length / (image.Width * image.Height);
        if (inputChannels != channels)
        {
            throw new InvalidOperationException($"{png} has {inputChannels} channels, the decoder gives {channels}.");
        }

        return PixelData.From(image.Width, image.Height, channels, (x, y, c) =>
        {
            var at = (((y * image.Width) + x) * channels) + c;
            var value = To8(source[at], wide);
            if (associatedAlpha && c < channels - 1)
            {
                value = Unpremultiply(value, To8(source[at + channels - 1 - c], wide));
            }

            return (byte)value;
        });
    }

    private static int To8(ushort value, bool wide) => wide ? ((value * 255) + 32767) / 65535 : value;

    private static (bool Wide, ushort[] Samples) Samples(Image image) => image switch
    {
        Image<L8> i => (false, Widen(PixelData.Of(i).Samples)),
        Image<La16> i => (false, Widen(PixelData.Of(i).Samples)),
        Image<Rgb24> i => (false, Widen(PixelData.Of(i).Samples)),
        Image<Rgba32> i => (false, Widen(PixelData.Of(i).Samples)),
        Image<L16> i => (true, Deep(i, p => [p.PackedValue])),
        Image<La32> i => (true, Deep(i, p => [p.L, p.A])),
        Image<Rgb48> i => (true, Deep(i, p => [p.R, p.G, p.B])),
        Image<Rgba64> i => (true, Deep(i, p => [p.R, p.G, p.B, p.A])),
        _ => throw new ArgumentException($"Unexpected reference pixel type {image.GetType().Name}.", nameof(image)),
    };

    private static ushort[] Widen(byte[] samples) => [.. samples.Select(b => (ushort)b)];

    private static ushort[] Deep<TPixel>(Image<TPixel> image, Func<TPixel, ushort[]> channels)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var samples = new List<ushort>();
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                samples.AddRange(channels(image[x, y]));
            }
        }

        return [.. samples];
    }

    /// <summary>Colour divided by alpha, rounded and clamped; 0 where alpha is 0.</summary>
    private static int Unpremultiply(int value, int alpha) => alpha == 0 ? 0 : Math.Min(255, ((value * 255) + (alpha / 2)) / alpha);
}

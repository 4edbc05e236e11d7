using Iiif.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging;

/// <summary>Small in-memory images whose content makes orientation and colour checkable.</summary>
internal static class PatternImages
{
    public static readonly Rgb24 Red = new(255, 0, 0);
    public static readonly Rgb24 Green = new(0, 255, 0);
    public static readonly Rgb24 Blue = new(0, 0, 255);
    public static readonly Rgb24 Yellow = new(255, 255, 0);
    public static readonly Rgb24 White = new(255, 255, 255);

    /// <summary>The server-like configuration the tests transform in (built once, like the server's).</summary>
    public static Configuration TestConfiguration { get; } = ImageSharpConfigurationFactory.Create(new ImageSharpOptions());

    public static Rgb24 Named(string name) => name switch
    {
        "red" => Red,
        "green" => Green,
        "blue" => Blue,
        "yellow" => Yellow,
        "white" => White,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown colour."),
    };

    public static Rgba32 Opaque(Rgb24 colour) => new(colour.R, colour.G, colour.B, byte.MaxValue);

    /// <summary>Four quadrants: red top left, green top right, blue bottom left, yellow bottom right.</summary>
    public static Image<Rgb24> Quadrants(int width, int height)
    {
        var image = new Image<Rgb24>(TestConfiguration, width, height);
        image.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < accessor.Height; y++)
            {
                var row = accessor.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = (x < width / 2, y < height / 2) switch
                    {
                        (true, true) => Red,
                        (false, true) => Green,
                        (true, false) => Blue,
                        _ => Yellow,
                    };
                }
            }
        });
        return image;
    }

    /// <summary>Luminance rising from 0 at the left edge to 255 at the right edge.</summary>
    public static Image<L8> HorizontalGradient(int width, int height)
    {
        var image = new Image<L8>(TestConfiguration, width, height);
        image.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < accessor.Height; y++)
            {
                var row = accessor.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new L8((byte)(x * 255 / Math.Max(1, width - 1)));
                }
            }
        });
        return image;
    }

    public static Image<TPixel> Solid<TPixel>(int width, int height, TPixel colour)
        where TPixel : unmanaged, IPixel<TPixel> => new(TestConfiguration, width, height, colour);

    /// <summary>The pixels at the four corners, top left, top right, bottom left, bottom right, as Rgba32.</summary>
    public static Rgba32[] Corners(Image image)
    {
        using var rgba = image.CloneAs<Rgba32>();
        var (r, b) = (rgba.Width - 1, rgba.Height - 1);
        return [rgba[0, 0], rgba[r, 0], rgba[0, b], rgba[r, b]];
    }

    /// <summary>Every pixel of the image, as Rgba32.</summary>
    public static List<Rgba32> Pixels(Image image)
    {
        using var rgba = image.CloneAs<Rgba32>();
        var pixels = new List<Rgba32>(rgba.Width * rgba.Height);
        rgba.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < accessor.Height; y++)
            {
                foreach (var pixel in accessor.GetRowSpan(y))
                {
                    pixels.Add(pixel);
                }
            }
        });
        return pixels;
    }
}

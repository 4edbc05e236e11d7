using Iiif.Imaging.Decoding;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>Source files made at test time with ImageSharp's encoders (nothing binary is committed), and decoders.</summary>
internal static class SourceImages
{
    public static byte[] Encode(Image image, SourceFormat format)
    {
        using var stream = new MemoryStream();
        image.Save(stream, EncoderFor(format));
        return stream.ToArray();
    }

    /// <summary>Every pixel distinct: R = x, G = y, B = (x * 7 + y * 13) mod 256, so a misplaced crop shows.</summary>
    public static Image<Rgb24> Coordinates(int width, int height)
    {
        var image = new Image<Rgb24>(PatternImages.TestConfiguration, width, height);
        image.ProcessPixelRows(accessor =>
        {
            for (var y = 0; y < accessor.Height; y++)
            {
                var row = accessor.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = CoordinateColour(x, y);
                }
            }
        });
        return image;
    }

    public static Rgb24 CoordinateColour(int x, int y) => new((byte)x, (byte)y, (byte)(((x * 7) + (y * 13)) % 256));

    public static ImageSharpSourceDecoder Decoder(int budgetMegabytes = 64) =>
        new(PatternImages.TestConfiguration,
            Options.Create(new ImageSharpSourceDecoderOptions { MemoryBudgetMegabytes = budgetMegabytes }));

    private static IImageEncoder EncoderFor(SourceFormat format) => format switch
    {
        SourceFormat.Tiff => new TiffEncoder(),
        SourceFormat.Jpeg => new JpegEncoder { Quality = 95 },
        SourceFormat.Png => new PngEncoder(),
        SourceFormat.Gif => new GifEncoder(),
        SourceFormat.Webp => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
        SourceFormat.Bmp => new BmpEncoder(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No ImageSharp encoder."),
    };
}

using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Transforms;

/// <summary>Turns a luminance image into pure black and white (https://iiif.io/api/image/3.0/#44-quality <c>bitonal</c>) with a fixed threshold.</summary>
internal static class BitonalThreshold
{
    /// <summary>Sets every luminance value at or above <paramref name="threshold"/> to 255 and every other to 0, in place.
    /// Alpha, when present, is kept: the pixels' colour is bitonal, and a rotated image's corners stay transparent.</summary>
    public static void Apply(Image image, byte threshold)
    {
        switch (image)
        {
            case Image<L8> gray:
                gray.ProcessPixelRows(accessor =>
                {
                    for (var y = 0; y < accessor.Height; y++)
                    {
                        foreach (ref var pixel in accessor.GetRowSpan(y))
                        {
                            pixel.PackedValue = pixel.PackedValue >= threshold ? byte.MaxValue : byte.MinValue;
                        }
                    }
                });
                break;
            case Image<La16> grayAlpha:
                grayAlpha.ProcessPixelRows(accessor =>
                {
                    for (var y = 0; y < accessor.Height; y++)
                    {
                        foreach (ref var pixel in accessor.GetRowSpan(y))
                        {
                            pixel.L = pixel.L >= threshold ? byte.MaxValue : byte.MinValue;
                        }
                    }
                });
                break;
            default:
                throw new InvalidOperationException($"Bitonal needs a luminance image, got {image.GetType().Name}.");
        }
    }
}

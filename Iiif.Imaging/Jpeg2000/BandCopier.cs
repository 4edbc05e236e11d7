using Iiif.Core.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Assembles the bands of a banded decode (<see cref="DecodeBands"/>) into one image of the pixel type the
/// converter chose for the first band.</summary>
internal static class BandCopier
{
    /// <summary>An image of <paramref name="size"/> with the pixel type and metadata (ICC profile) of <paramref name="band"/>.</summary>
    public static Image CreateLike(Image band, PixelSize size, Configuration configuration)
    {
        Image result = band switch
        {
            Image<L8> => new Image<L8>(configuration, size.Width, size.Height),
            Image<La16> => new Image<La16>(configuration, size.Width, size.Height),
            Image<Rgb24> => new Image<Rgb24>(configuration, size.Width, size.Height),
            Image<Rgba32> => new Image<Rgba32>(configuration, size.Width, size.Height),
            _ => throw new ArgumentException($"Unexpected pixel type {band.GetType().Name}.", nameof(band)),
        };
        result.Metadata.IccProfile = band.Metadata.IccProfile?.DeepClone();
        return result;
    }

    /// <summary>Copies every row of <paramref name="band"/> into <paramref name="target"/> from row <paramref name="top"/>.</summary>
    public static void CopyRows(Image band, Image target, int top)
    {
        switch (band)
        {
            case Image<L8> typed:
                Copy(typed, (Image<L8>)target, top);
                break;
            case Image<La16> typed:
                Copy(typed, (Image<La16>)target, top);
                break;
            case Image<Rgb24> typed:
                Copy(typed, (Image<Rgb24>)target, top);
                break;
            case Image<Rgba32> typed:
                Copy(typed, (Image<Rgba32>)target, top);
                break;
            default:
                throw new ArgumentException($"Unexpected pixel type {band.GetType().Name}.", nameof(band));
        }
    }

    private static void Copy<TPixel>(Image<TPixel> band, Image<TPixel> target, int top)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        if (band.Width != target.Width || top + band.Height > target.Height)
        {
            throw new ImageDecodeException($"A decoded band of {band.Width}x{band.Height} at row {top} does not fit the {target.Width}x{target.Height} image.");
        }

        for (var y = 0; y < band.Height; y++)
        {
            band.DangerousGetPixelRowMemory(y).Span.CopyTo(target.DangerousGetPixelRowMemory(top + y).Span);
        }
    }
}

using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Picks the sample source for an encoder input.</summary>
internal static class SampleSources
{
    /// <summary>The source for <paramref name="image"/>.</summary>
    /// <exception cref="ArgumentException">The pixel type is not one of the eight supported ones.</exception>
    public static ISampleSource From(Image image) => image switch
    {
        Image<L8> i => new ImageSharpSampleSource<L8>(i, 1, 1, false),
        Image<La16> i => new ImageSharpSampleSource<La16>(i, 2, 1, true),
        Image<Rgb24> i => new ImageSharpSampleSource<Rgb24>(i, 3, 1, false),
        Image<Rgba32> i => new ImageSharpSampleSource<Rgba32>(i, 4, 1, true),
        Image<L16> i => new ImageSharpSampleSource<L16>(i, 1, 2, false),
        Image<La32> i => new ImageSharpSampleSource<La32>(i, 2, 2, true),
        Image<Rgb48> i => new ImageSharpSampleSource<Rgb48>(i, 3, 2, false),
        Image<Rgba64> i => new ImageSharpSampleSource<Rgba64>(i, 4, 2, true),
        _ => throw new ArgumentException(
            $"Pixel type {image.GetType().GetGenericArguments().FirstOrDefault()?.Name} is not supported; convert first (e.g. CloneAs<Rgb24>() or CloneAs<Rgba32>()).",
            nameof(image)),
    };
}

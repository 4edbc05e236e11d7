using Iiif.Core.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Iiif.Imaging.Decoding;

/// <summary>Cuts a region out of a shared decoded image into a new image the caller owns. The source is only read, row
/// by row, never cloned whole or mutated, so many requests can cut tiles from one cached image at once.</summary>
internal static class RegionCopier
{
    /// <summary>Copies <paramref name="region"/> of <paramref name="source"/> (one of the four working pixel types) and,
    /// when <paramref name="size"/> differs from the region (a plan asking a single-resolution source for a reduction),
    /// resizes the copy to it. The copy keeps the source's ICC profile and resolution.</summary>
    public static Image Copy(Image source, PixelRect region, PixelSize size, Configuration configuration)
    {
        if (region.X < 0 || region.Y < 0 || region.Width < 1 || region.Height < 1
            || region.Right > source.Width || region.Bottom > source.Height)
        {
            throw new ArgumentException($"The region {region} lies outside the {source.Width}x{source.Height} image.", nameof(region));
        }

        Image copy = source switch
        {
            Image<L8> typed => CopyRows(typed, region, configuration),
            Image<La16> typed => CopyRows(typed, region, configuration),
            Image<Rgb24> typed => CopyRows(typed, region, configuration),
            Image<Rgba32> typed => CopyRows(typed, region, configuration),
            _ => throw new ArgumentException($"Unexpected pixel type {source.GetType().Name}.", nameof(source)),
        };

        try
        {
            copy.Metadata.IccProfile = source.Metadata.IccProfile?.DeepClone();
            copy.Metadata.HorizontalResolution = source.Metadata.HorizontalResolution;
            copy.Metadata.VerticalResolution = source.Metadata.VerticalResolution;
            copy.Metadata.ResolutionUnits = source.Metadata.ResolutionUnits;
            if (size != region.Size)
            {
                // Box averages whole source pixels, the closest match to a halving per resolution level.
                copy.Mutate(configuration, c => c.Resize(size.Width, size.Height, KnownResamplers.Box));
            }

            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    private static Image<TPixel> CopyRows<TPixel>(Image<TPixel> source, PixelRect region, Configuration configuration)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var copy = new Image<TPixel>(configuration, region.Width, region.Height);
        for (var y = 0; y < region.Height; y++)
        {
            // DangerousGetPixelRowMemory only reads the buffer: safe while other threads read the same image.
            source.DangerousGetPixelRowMemory(region.Y + y).Span.Slice(region.X, region.Width)
                .CopyTo(copy.DangerousGetPixelRowMemory(y).Span);
        }

        return copy;
    }
}

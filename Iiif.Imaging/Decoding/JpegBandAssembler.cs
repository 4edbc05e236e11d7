using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Iiif.Imaging.Decoding;

/// <summary>Builds a region of a JPEG decoded in bands: each band the region crosses is leased in turn (decoded on a
/// miss), and its rows inside the region are copied out, so at most one band is held by this request at a time.</summary>
internal static class JpegBandAssembler
{
    /// <summary>The pixels of <paramref name="region"/> (in the scaled image) resized to <paramref name="size"/> when the
    /// two differ, with the header's ICC profile and density.</summary>
    public static Image Assemble(PixelRect region, int bandRows, int scaledHeight, Func<JpegBand, DecodedImageLease> acquire,
        JpegHeader header, Configuration configuration, PixelSize size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acquire);
        ArgumentNullException.ThrowIfNull(header);
        Image output = header.IsGray
            ? new Image<L8>(configuration, region.Width, region.Height)
            : new Image<Rgb24>(configuration, region.Width, region.Height);
        try
        {
            for (var index = region.Y / bandRows; index <= (region.Bottom - 1) / bandRows; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var top = index * bandRows;
                var band = new JpegBand(index, top, Math.Min(bandRows, scaledHeight - top));
                using var lease = acquire(band);
                Copy(lease.Image, top, region, output);
            }

            TurboJpegReader.ApplyMetadata(output.Metadata, header);
            if (size != region.Size)
            {
                output.Mutate(configuration, c => c.Resize(size.Width, size.Height, KnownResamplers.Box));
            }

            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static void Copy(Image band, int bandTop, PixelRect region, Image output)
    {
        switch ((band, output))
        {
            case (Image<L8> from, Image<L8> to):
                CopyRows(from, bandTop, region, to);
                break;
            case (Image<Rgb24> from, Image<Rgb24> to):
                CopyRows(from, bandTop, region, to);
                break;
            default:
                throw new InvalidOperationException($"A band of {band.GetType().Name} cannot fill a {output.GetType().Name}.");
        }
    }

    private static void CopyRows<TPixel>(Image<TPixel> band, int bandTop, PixelRect region, Image<TPixel> output)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var first = Math.Max(region.Y, bandTop);
        var end = Math.Min(region.Bottom, bandTop + band.Height);
        for (var y = first; y < end; y++)
        {
            // Reading a shared band row by row is safe while other requests read it too.
            band.DangerousGetPixelRowMemory(y - bandTop).Span.Slice(region.X, region.Width)
                .CopyTo(output.DangerousGetPixelRowMemory(y - region.Y).Span);
        }
    }
}

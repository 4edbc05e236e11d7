using System.Globalization;
using Iiif.Core.Errors;
using Iiif.Core.Geometry;
using Iiif.Core.Requests;

namespace Iiif.Core.Planning;

/// <summary>The most bytes an output can take once encoded, from its pixel count, format and quality alone, so that an
/// output over <see cref="ServerLimits.MaxOutputBytes"/> is refused before anything is decoded.</summary>
/// <remarks>Upper bounds, not typical sizes: png and tif are counted uncompressed (deflate cannot promise to shrink a
/// noisy scan), gif as one byte per pixel (palette indices), and the lossy formats (jpg, webp, jp2, and pdf, which
/// embeds a jpg) as a third of the uncompressed size, above what a JPEG at any quality short of 100 gives for photographs
/// and scans. Samples per pixel: 1 for gray and bitonal, 3 for colour, plus an alpha channel in png and webp when an
/// arbitrary rotation leaves transparent corners.</remarks>
public static class OutputSizeEstimate
{
    /// <summary>The estimate for an output of <paramref name="size"/> pixels.</summary>
    public static long Bytes(PixelSize size, ImageFormat format, ImageQuality quality, decimal degrees)
    {
        var samples = (quality is ImageQuality.Gray or ImageQuality.Bitonal ? 1L : 3L)
            + (degrees % 90m != 0m && format is ImageFormat.Png or ImageFormat.Webp ? 1 : 0);
        var raw = size.Area * samples;
        return format switch
        {
            ImageFormat.Png or ImageFormat.Tif => raw,
            ImageFormat.Gif => size.Area,
            _ => raw / 3,
        };
    }

    /// <summary>The 400 for an output over the cap, or null when it fits (or there is no cap).</summary>
    internal static IiifError? Check(PixelSize size, ImageFormat format, ImageQuality quality, decimal degrees, ServerLimits limits)
    {
        if (limits.MaxOutputBytes is not { } cap || Bytes(size, format, quality, degrees) is var bytes && bytes <= cap)
        {
            return null;
        }

        return IiifError.BadRequest("size", string.Create(CultureInfo.InvariantCulture,
            $"a {size.Width}x{size.Height} {ImageFormats.Extension(format)} may need up to {Megabytes(bytes)} MB, more than the server's {Megabytes(cap)} MB limit for one image; ask for a smaller size or jpg"));
    }

    private static long Megabytes(long bytes) => (bytes + (1024 * 1024) - 1) / (1024 * 1024);
}

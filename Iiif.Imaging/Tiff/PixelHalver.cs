using System.Numerics;
using System.Runtime.InteropServices;
using Iiif.Imaging.Decoding;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Tiff;

/// <summary>Halves an image by averaging 2 x 2 pixel blocks (rounded), for the pyramid writer. An odd last column or row
/// is averaged on its own, so the reduced size is rounded up, as JPEG 2000 and the planner round.</summary>
internal static class PixelHalver
{
    /// <summary>A new image of ceil(w/2) x ceil(h/2) pixels and the same pixel type (any of the working types or their
    /// 16-bit forms), with the same ICC profile.</summary>
    public static Image Halve(Image image, Configuration configuration)
    {
        var width = (image.Width + 1) / 2;
        var height = (image.Height + 1) / 2;
        var half = PixelRows.CreateLike(image, width, height, configuration);
        var channels = PixelRows.Channels(image);
        var deep = PixelRows.IsDeep(image);
        for (var y = 0; y < height; y++)
        {
            var top = PixelRows.Row(image, 2 * y);
            var bottom = PixelRows.Row(image, Math.Min((2 * y) + 1, image.Height - 1));
            var target = PixelRows.Row(half, y);
            if (deep)
            {
                Average(MemoryMarshal.Cast<byte, ushort>(top), MemoryMarshal.Cast<byte, ushort>(bottom), MemoryMarshal.Cast<byte, ushort>(target), image.Width, channels);
            }
            else
            {
                Average<byte>(top, bottom, target, image.Width, channels);
            }
        }

        half.Metadata.IccProfile = image.Metadata.IccProfile?.DeepClone();
        return half;
    }

    /// <summary>One output row from two input rows (the same row twice at an odd bottom edge, which averages to itself).</summary>
    private static void Average<T>(ReadOnlySpan<T> top, ReadOnlySpan<T> bottom, Span<T> target, int width, int channels)
        where T : unmanaged, IBinaryInteger<T>
    {
        var outWidth = (width + 1) / 2;
        for (var x = 0; x < outWidth; x++)
        {
            var left = 2 * x * channels;
            var right = Math.Min((2 * x) + 1, width - 1) * channels;
            for (var c = 0; c < channels; c++)
            {
                var sum = uint.CreateTruncating(top[left + c]) + uint.CreateTruncating(top[right + c])
                    + uint.CreateTruncating(bottom[left + c]) + uint.CreateTruncating(bottom[right + c]);
                target[(x * channels) + c] = T.CreateTruncating((sum + 2) / 4);
            }
        }
    }
}

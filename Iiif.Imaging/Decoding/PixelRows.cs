using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Decoding;

/// <summary>Raw byte access to the rows of images of the working types and their 16-bit forms, whose channels are all
/// stored interleaved in grey/RGB-then-alpha order, so one row routine serves every type.</summary>
internal static class PixelRows
{
    /// <summary>Row <paramref name="y"/> of <paramref name="image"/> as bytes. Reading it is safe while other threads read
    /// the same image; writing is only for images the caller owns.</summary>
    public static Span<byte> Row(Image image, int y) => image switch
    {
        Image<L8> i => Bytes(i, y),
        Image<La16> i => Bytes(i, y),
        Image<Rgb24> i => Bytes(i, y),
        Image<Rgba32> i => Bytes(i, y),
        Image<L16> i => Bytes(i, y),
        Image<La32> i => Bytes(i, y),
        Image<Rgb48> i => Bytes(i, y),
        Image<Rgba64> i => Bytes(i, y),
        _ => throw new ArgumentException($"Unexpected pixel type {image.GetType().Name}.", nameof(image)),
    };

    /// <summary>Bytes per pixel of <paramref name="image"/>.</summary>
    public static int BytesPerPixel(Image image) => image.PixelType.BitsPerPixel / 8;

    private static Span<byte> Bytes<TPixel>(Image<TPixel> image, int y)
        where TPixel : unmanaged, IPixel<TPixel> => MemoryMarshal.AsBytes(image.DangerousGetPixelRowMemory(y).Span);
}

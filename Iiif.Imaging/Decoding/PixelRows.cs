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

    /// <summary>True for the 16-bit-per-channel types (L16, La32, Rgb48, Rgba64).</summary>
    public static bool IsDeep(Image image) => image is Image<L16> or Image<La32> or Image<Rgb48> or Image<Rgba64>;

    /// <summary>Channels per pixel: 1 (grey), 2 (grey and alpha), 3 (RGB) or 4 (RGBA).</summary>
    public static int Channels(Image image) => BytesPerPixel(image) / (IsDeep(image) ? 2 : 1);

    /// <summary>True when the last channel is alpha.</summary>
    public static bool HasAlpha(Image image) => Channels(image) is 2 or 4;

    /// <summary>A blank image of <paramref name="image"/>'s pixel type.</summary>
    public static Image CreateLike(Image image, int width, int height, Configuration configuration) => image switch
    {
        Image<L8> => new Image<L8>(configuration, width, height),
        Image<La16> => new Image<La16>(configuration, width, height),
        Image<Rgb24> => new Image<Rgb24>(configuration, width, height),
        Image<Rgba32> => new Image<Rgba32>(configuration, width, height),
        Image<L16> => new Image<L16>(configuration, width, height),
        Image<La32> => new Image<La32>(configuration, width, height),
        Image<Rgb48> => new Image<Rgb48>(configuration, width, height),
        Image<Rgba64> => new Image<Rgba64>(configuration, width, height),
        _ => throw new ArgumentException($"Unexpected pixel type {image.GetType().Name}.", nameof(image)),
    };

    private static Span<byte> Bytes<TPixel>(Image<TPixel> image, int y)
        where TPixel : unmanaged, IPixel<TPixel> => MemoryMarshal.AsBytes(image.DangerousGetPixelRowMemory(y).Span);
}

using Iiif.Imaging.Jpeg;
using Iiif.Imaging.Jpeg.Native;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;

namespace Iiif.Tests.Imaging.Jpeg;

/// <summary>JPEG bytes for the TurboJPEG tests, made in memory by our encoder or ImageSharp's, and ICC profiles of any
/// size.</summary>
internal static class JpegTestFiles
{
    /// <summary>Encodes <paramref name="image"/> with the server's TurboJPEG encoder.</summary>
    public static byte[] Turbo(Image image, int quality = 85, bool progressive = false)
    {
        using var pool = new JpegCompressorPool();
        using var output = new MemoryStream();
        new TurboJpegEncoder(new JpegEncoderSettings(quality, progressive), pool).Encode(image, output);
        return output.ToArray();
    }

    /// <summary>A CMYK JPEG (TurboJPEG writes it as Adobe YCCK), cyan rising to the right and black downwards.</summary>
    public static unsafe byte[] Cmyk(int width, int height)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 4;
                (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = ((byte)(x * 255 / width), 40, 200, (byte)(y * 255 / height));
            }
        }

        using var compressor = new JpegCompressor();
        fixed (byte* p = pixels)
        {
            return compressor.Compress(p, width, width * 4, height, TjPixelFormat.Cmyk, TjSubsampling.S444, 95, TjFlags.None).ToArray();
        }
    }

    /// <summary>The frame header of <paramref name="jpeg"/>, read by our marker walk.</summary>
    public static JpegFrame Frame(byte[] jpeg) =>
        JpegMarkerReader.Read(jpeg)?.Frame ?? throw new AssertionException("No frame header.");

    /// <summary>A valid RGB display profile of exactly <paramref name="length"/> bytes (a tagless header padded with
    /// zeros), so profiles larger than one APP2 segment can be tested.</summary>
    public static byte[] IccProfile(int length)
    {
        var profile = new byte[length];
        TestIccProfiles.MinimalRgb().CopyTo(profile, 0);
        profile[0] = (byte)(length >> 24);
        profile[1] = (byte)(length >> 16);
        profile[2] = (byte)(length >> 8);
        profile[3] = (byte)length;
        for (var i = 132; i < length; i++)
        {
            profile[i] = (byte)(i * 31);
        }

        return profile;
    }

    /// <summary>Sets <paramref name="profile"/> on <paramref name="image"/> and returns it.</summary>
    public static T WithIcc<T>(T image, byte[] profile)
        where T : Image
    {
        image.Metadata.IccProfile = new IccProfile(profile);
        return image;
    }
}

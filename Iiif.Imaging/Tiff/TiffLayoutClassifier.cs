using System.Runtime.InteropServices;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>Decides how the current directory's samples become pixels (<see cref="TiffSampleLayout"/>), or refuses them
/// with an <see cref="UnsupportedTiffLayoutException"/> naming what is unsupported.</summary>
/// <remarks>Grey (min-is-black, min-is-white) at 1, 2, 4, 8 or 16 bits, palette at up to 16 bits, and RGB at 8 or 16 bits
/// are read directly, contiguous or planar, with alpha from ExtraSamples (associated or unassociated). JPEG-compressed
/// YCbCr is converted to RGB by libjpeg. Everything else libtiff can render (old-style JPEG, YCbCr without JPEG, CMYK,
/// CIELab) goes through its RGBA interface at 8 bits.</remarks>
internal static unsafe class TiffLayoutClassifier
{
    public static TiffSampleLayout Classify(TiffHandle tif, ushort compression)
    {
        var bits = (int)TiffDirectoryReader.UInt16Defaulted(tif, TiffTag.BitsPerSample);
        var samples = (int)TiffDirectoryReader.UInt16Defaulted(tif, TiffTag.SamplesPerPixel);
        var format = TiffDirectoryReader.UInt16Defaulted(tif, TiffTag.SampleFormat);
        var planar = TiffDirectoryReader.UInt16Defaulted(tif, TiffTag.PlanarConfig) == TiffCodes.PlanarSeparate;
        var photometric = TiffDirectoryReader.UInt16(tif, TiffTag.Photometric)
            ?? (samples >= 3 ? TiffCodes.PhotometricRgb : TiffCodes.PhotometricMinIsBlack);
        if (format is not (TiffCodes.SampleFormatUnsigned or TiffCodes.SampleFormatSigned or 4))
        {
            throw Unsupported($"{(format == TiffCodes.SampleFormatFloat ? "floating-point" : "complex")} samples");
        }

        if (samples < 1)
        {
            throw Unsupported("no samples per pixel");
        }

        var extra = TiffDirectoryReader.UInt16Array(tif, TiffTag.ExtraSamples);
        var baseLayout = new TiffSampleLayout
        {
            Photometric = photometric,
            BitsPerSample = bits,
            SamplesPerPixel = samples,
            IsPlanar = planar,
            IsSigned = format == TiffCodes.SampleFormatSigned,
            ColorChannels = 3,
            AlphaSample = -1,
            IsAlphaAssociated = false,
            UsesRgbaInterface = false,
            ConvertsJpegToRgb = false,
            ColorMap = ReadOnlyMemory<ushort>.Empty,
        };

        return photometric switch
        {
            TiffCodes.PhotometricMinIsBlack or TiffCodes.PhotometricMinIsWhite when compression != TiffCodes.CompressionOldJpeg =>
                Direct(baseLayout with { ColorChannels = 1 }, extra, [1, 2, 4, 8, 16]),
            TiffCodes.PhotometricRgb when compression != TiffCodes.CompressionOldJpeg && samples >= 3 =>
                Direct(baseLayout, extra, [8, 16]),
            TiffCodes.PhotometricPalette when samples == 1 && bits is (1 or 2 or 4 or 8 or 16) && !baseLayout.IsSigned =>
                baseLayout with { ColorMap = ColorMap(tif, bits) },
            TiffCodes.PhotometricYCbCr when compression == TiffCodes.CompressionJpeg && !planar && bits == 8 && samples == 3 =>
                baseLayout with { ConvertsJpegToRgb = true },
            _ => ThroughRgba(tif, baseLayout, extra),
        };
    }

    private static TiffSampleLayout Direct(TiffSampleLayout layout, ushort[] extra, int[] depths)
    {
        if (!depths.Contains(layout.BitsPerSample))
        {
            throw Unsupported($"{layout.BitsPerSample} bits per sample in a {TiffCodes.PhotometricName(layout.Photometric)} image");
        }

        var colorSamples = layout.SamplesPerPixel - extra.Length;
        var alpha = Array.FindIndex(extra, e => e is TiffCodes.ExtraSampleAssociatedAlpha or TiffCodes.ExtraSampleUnassociatedAlpha);
        if (colorSamples < layout.ColorChannels || alpha < 0)
        {
            return layout;
        }

        return layout with { AlphaSample = colorSamples + alpha, IsAlphaAssociated = extra[alpha] == TiffCodes.ExtraSampleAssociatedAlpha };
    }

    private static TiffSampleLayout ThroughRgba(TiffHandle tif, TiffSampleLayout layout, ushort[] extra)
    {
        var message = stackalloc byte[1024];
        message[0] = 0;
        if (NativeMethods.RgbaImageOk(tif, message) == 0)
        {
            var reason = Marshal.PtrToStringUTF8((nint)message);
            throw Unsupported($"{TiffCodes.PhotometricName(layout.Photometric)} at {layout.BitsPerSample} bits per sample"
                + (string.IsNullOrEmpty(reason) ? string.Empty : $" ({reason.TrimEnd('.')})"));
        }

        var alpha = extra.Any(e => e is TiffCodes.ExtraSampleAssociatedAlpha or TiffCodes.ExtraSampleUnassociatedAlpha);
        return layout with
        {
            UsesRgbaInterface = true,
            AlphaSample = alpha ? layout.SamplesPerPixel - 1 : -1,
            IsAlphaAssociated = alpha,
        };
    }

    private static ReadOnlyMemory<ushort> ColorMap(TiffHandle tif, int bits)
    {
        ushort* red = null, green = null, blue = null;
        if (NativeMethods.GetField(tif, TiffTag.ColorMap, &red, &green, &blue) == 0 || red == null || green == null || blue == null)
        {
            throw new ImageDecodeException("The palette TIFF has no ColorMap.");
        }

        var entries = 1 << bits;
        var map = new ushort[entries * 3];
        new ReadOnlySpan<ushort>(red, entries).CopyTo(map);
        new ReadOnlySpan<ushort>(green, entries).CopyTo(map.AsSpan(entries));
        new ReadOnlySpan<ushort>(blue, entries).CopyTo(map.AsSpan(2 * entries));
        return map;
    }

    private static UnsupportedTiffLayoutException Unsupported(string what) => new($"The TIFF has {what}, which this server cannot read.");
}

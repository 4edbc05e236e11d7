using System.Runtime.InteropServices;
using Iiif.Imaging.Jpeg2000.Native;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Turns OpenJPEG's decoded components into an ImageSharp image whose pixel type follows the content:
/// L8 (grey), La16 (grey + alpha), Rgb24 (RGB or YCC), Rgba32 (RGB + alpha). All four store their channels as
/// interleaved bytes in that order, so one row writer serves them all.</summary>
internal static unsafe class DecodedImageConverter
{
    /// <summary>Converts <paramref name="image"/>, decoded for <paramref name="area"/>.</summary>
    public static Image ToImage(OpjImage* image, DecodeArea area, Configuration configuration)
    {
        if (image->ComponentCount == 0 || image->Components == null)
        {
            throw new ImageDecodeException("The decoded JPEG 2000 image has no components.");
        }

        var layout = ChannelLayout.For(image);
        var samplers = layout.Components.Select(i => new ComponentSampler(&image->Components[i], area)).ToArray();
        Image result = samplers.Length switch
        {
            1 => Fill<L8>(samplers, layout, area, configuration),
            2 => Fill<La16>(samplers, layout, area, configuration),
            3 => Fill<Rgb24>(samplers, layout, area, configuration),
            _ => Fill<Rgba32>(samplers, layout, area, configuration),
        };

        if (image->IccProfile != null && image->IccProfileLength > 0)
        {
            // A zero length with a buffer means CIELab parameters, not a profile (openjpeg.h); those are skipped.
            result.Metadata.IccProfile = new IccProfile(new ReadOnlySpan<byte>(image->IccProfile, (int)image->IccProfileLength).ToArray());
        }

        return result;
    }

    private static Image<TPixel> Fill<TPixel>(ComponentSampler[] samplers, ChannelLayout layout, DecodeArea area, Configuration configuration)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var stride = samplers.Length;
        var result = new Image<TPixel>(configuration, area.OutputSize.Width, area.OutputSize.Height);
        try
        {
            var direct = Array.TrueForAll(samplers, s => s.IsDirect);
            for (var y = 0; y < area.OutputSize.Height; y++)
            {
                var row = MemoryMarshal.AsBytes(result.DangerousGetPixelRowMemory(y).Span);
                if (direct)
                {
                    FillDirect(samplers, y, row);
                }
                else
                {
                    for (var channel = 0; channel < stride; channel++)
                    {
                        samplers[channel].FillRow(y, row, channel, stride);
                    }
                }

                if (layout.IsYcc)
                {
                    YccConversion.ToRgb(row, stride);
                }
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>Interleaves 8-bit unsigned, unsubsampled components (the common case) in one pass over the row: the
    /// general path's per-sample table lookup and column map took about 7% of a cold tile walk's CPU.</summary>
    private static void FillDirect(ComponentSampler[] samplers, int y, Span<byte> row)
    {
        var stride = samplers.Length;
        var width = row.Length / stride;
        fixed (byte* start = row)
        {
            if (stride == 3)
            {
                int* r = samplers[0].DirectRow(y), g = samplers[1].DirectRow(y), b = samplers[2].DirectRow(y);
                var pixel = start;
                for (var x = 0; x < width; x++, pixel += 3)
                {
                    pixel[0] = ToByte(r[x]);
                    pixel[1] = ToByte(g[x]);
                    pixel[2] = ToByte(b[x]);
                }

                return;
            }

            for (var channel = 0; channel < stride; channel++)
            {
                var samples = samplers[channel].DirectRow(y);
                var target = start + channel;
                for (var x = 0; x < width; x++, target += stride)
                {
                    *target = ToByte(samples[x]);
                }
            }
        }
    }

    // Decoded samples of lossy files stray slightly outside their range.
    private static byte ToByte(int sample) => PrecisionTables.ClampToByte(sample);
}

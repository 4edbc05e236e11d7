using Iiif.Imaging.Jpeg;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Tiff;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Benchmarks;

/// <summary>The benchmark source: an 8000x6000 RGB picture with detail at every scale (interference rings plus hashed
/// grain), written once as a tiled lossy JPEG 2000 with the converter's defaults (1024 tiles, precincts, RPCL, PLT/TLM,
/// 9/7 at 80/40/20:1), and for other benchmarks as a TIFF pyramid or a JPEG, into the temp folder. BenchmarkDotNet runs each case in its own process, so the file is kept
/// and reused; its name carries every setting, so a change makes a new file.</summary>
internal static class SyntheticSource
{
    public const int Width = 8000;
    public const int Height = 6000;

    public static string EnsureFile() => Ensure("t1024-lossy20-v1.jp2", (image, partial) =>
        new Jpeg2000Encoder(new Jpeg2000EncoderOptions
        {
            Lossless = false,
            CompressionRatios = [80, 40, 20],
            Threads = Environment.ProcessorCount,
        }).Encode(image, partial));

    /// <summary>The same picture as a pyramidal TIFF written by the converter's defaults (JPEG q85, 256 tiles).</summary>
    public static string EnsureTiff() => Ensure("pyramid-t256-q85-v1.tif", (image, partial) =>
        new TiffPyramidWriter(new TiffPyramidWriterOptions(), Configuration.Default).Write(image, partial));

    /// <summary>The same picture as a baseline JPEG (q90, 4:2:0, written by TurboJPEG), for the JPEG source decode.</summary>
    public static string EnsureJpeg() => Ensure("q90-v1.jpg", (image, partial) =>
    {
        using var pool = new JpegCompressorPool();
        using var file = File.Create(partial);
        new TurboJpegEncoder(new JpegEncoderSettings(90, Progressive: false), pool).Encode(image, file);
    });

    /// <summary>The picture written by <paramref name="write"/> into the temp folder under a name ending in
    /// <paramref name="settings"/>, once; a partial file never takes the final name.</summary>
    private static string Ensure(string settings, Action<Image<Rgb24>, string> write)
    {
        var folder = Path.Combine(Path.GetTempPath(), "iiif-benchmarks");
        var path = Path.Combine(folder, FormattableString.Invariant($"synthetic-{Width}x{Height}-{settings}"));
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        using var image = Render();
        var partial = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        write(image, partial);
        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static Image<Rgb24> Render()
    {
        var image = new Image<Rgb24>(Width, Height);
        Parallel.For(0, Height, y =>
        {
            var row = image.DangerousGetPixelRowMemory(y).Span;
            for (var x = 0; x < Width; x++)
            {
                var r = Math.Sqrt(((x - 2600.0) * (x - 2600.0)) + ((y - 2100.0) * (y - 2100.0)));
                var s = Math.Sqrt(((x - 5900.0) * (x - 5900.0)) + ((y - 4300.0) * (y - 4300.0)));
                var rings = Math.Sin(r * r / 9000.0) + Math.Sin(s / 7.0);
                var grain = Hash(x, y) & 31;
                row[x] = new Rgb24(
                    (byte)Math.Clamp(128 + (rings * 55) + grain - 16, 0, 255),
                    (byte)((x * 255 / Width) ^ (grain >> 2)),
                    (byte)Math.Clamp(128 + (Math.Cos((x + y) / 40.0) * 90) + grain - 16, 0, 255));
            }
        });
        return image;
    }

    private static int Hash(int x, int y)
    {
        var h = unchecked(((uint)x * 374761393u) + ((uint)y * 668265263u));
        h = unchecked((h ^ (h >> 13)) * 1274126177u);
        return (int)(h >> 24);
    }
}

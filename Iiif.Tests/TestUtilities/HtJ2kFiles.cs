using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.TestUtilities;

/// <summary>HTJ2K (JPEG 2000 Part 15, High-Throughput) codestreams made at test time by OpenJPH's <c>ojph_compress</c>
/// (Debian package openjph-tools), from the same pictures <see cref="TestImageFactory"/> encodes as classic JPEG 2000,
/// cached in the run's test-image folder.</summary>
internal static class HtJ2kFiles
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Files = new(StringComparer.Ordinal);

    /// <summary>The lossless (reversible 5/3, RCT) HTJ2K codestream of the picture behind <paramref name="classic"/>
    /// (a <see cref="TestImageFactory"/> name), with <paramref name="decompositions"/> levels and square tiles of
    /// <paramref name="tileSize"/> (0 = untiled).</summary>
    public static string Lossless(string classic, int decompositions, int tileSize) =>
        Files.GetOrAdd(string.Create(CultureInfo.InvariantCulture, $"ht-{classic}-d{decompositions}-t{tileSize}.j2c"), name => new Lazy<string>(
            () => Build(name, classic, decompositions, tileSize), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>True when <paramref name="path"/> is a codestream with the CAP marker (FF50) that Part 15 requires
    /// right after SIZ, i.e. it really is HTJ2K.</summary>
    public static bool HasCapMarker(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var sizLength = (bytes[4] << 8) | bytes[5];
        var next = 4 + sizLength;
        return bytes[0] == 0xFF && bytes[1] == 0x4F && bytes[next] == 0xFF && bytes[next + 1] == 0x50;
    }

    private static string Build(string name, string classic, int decompositions, int tileSize)
    {
        var path = Path.Combine(TestImageFactory.Folder, name);
        var ppm = path + ".ppm";
        using (var picture = TestImageFactory.Source(classic))
        using (var rgb = picture.CloneAs<Rgb24>())
        {
            WritePpm(rgb, ppm);
        }

        List<string> arguments =
        [
            "-i", ppm, "-o", path, "-num_decomps", decompositions.ToString(CultureInfo.InvariantCulture), "-reversible", "true",
        ];
        if (tileSize > 0)
        {
            arguments.AddRange(["-tile_size", string.Create(CultureInfo.InvariantCulture, $"{{{tileSize},{tileSize}}}")]);
        }

        ExternalTool.Run("ojph_compress", "openjph-tools", TimeSpan.FromMinutes(2), [.. arguments]);
        File.Delete(ppm);
        return path;
    }

    // Netpbm's binary PPM: "P6 width height 255" and the RGB samples (ImageSharp 2.1 has no PPM encoder).
    private static void WritePpm(Image<Rgb24> image, string path)
    {
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P6\n{image.Width} {image.Height}\n255\n")));
        var row = new byte[image.Width * 3];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var pixel = image[x, y];
                (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]) = (pixel.R, pixel.G, pixel.B);
            }

            file.Write(row);
        }
    }
}

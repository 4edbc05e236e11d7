using System.Collections.Concurrent;
using Iiif.Imaging.Tiff;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;

namespace Iiif.Tests.TestUtilities;

/// <summary>TIFF files made at test time by Debian's tools (vips, tiffcp, tiffset) from <see cref="SyntheticImages"/>, in
/// every layout, compression and sample format the TIFF decoder reads, plus libtiff's own reading of each stored level
/// as a PNG (through vips, or tiff2rgba for layouts libtiff renders through its RGBA interface). Cached for the run in
/// <see cref="TestImageFactory.Folder"/>.</summary>
internal static class TiffTestImages
{
    /// <summary>Full-resolution size of every picture: odd halvings (750, 375, 187, 93) exercise both roundings.</summary>
    public const int Width = 1000;

    /// <summary>Full-resolution height.</summary>
    public const int Height = 750;

    /// <summary>Tile size of the tiled variants.</summary>
    public const int Tile = 128;

    private static readonly ConcurrentDictionary<string, Lazy<string>> Files = new(StringComparer.Ordinal);

    private static readonly string[] Tiled = ["--tile", "--tile-width", "128", "--tile-height", "128"];
    private static readonly string[] Pyramid = [.. Tiled, "--pyramid"];

    /// <summary>Every variant, by name.</summary>
    public static readonly IReadOnlyList<TiffVariant> Variants =
    [
        Vips("jpeg-chain", "rgb", lossless: false, [.. Pyramid, "--compression", "jpeg", "--Q", "90"]),
        new("jpeg-icc-chain", Lossless: false, SubIfds: false, Build: path =>
        {
            File.WriteAllBytes(path + ".icc", SyntheticImages.TinyIccProfile());
            ExternalTool.Run("vips", ["tiffsave", Base("rgb"), path, .. Pyramid, "--compression", "jpeg", "--Q", "85", "--profile", path + ".icc"]);
        }),
        Vips("gray-jpeg-chain", "gray", lossless: false, [.. Pyramid, "--compression", "jpeg", "--Q", "90"]),
        Vips("jpeg-subifd", "rgb", lossless: false, [.. Pyramid, "--subifd", "--compression", "jpeg", "--Q", "90"], subIfds: true),
        Vips("deflate-chain", "rgb", lossless: true, [.. Pyramid, "--compression", "deflate"]),
        Vips("deflate-subifd", "rgb", lossless: true, [.. Pyramid, "--subifd", "--compression", "deflate"], subIfds: true),
        Vips("lzw-chain", "rgb", lossless: true, [.. Pyramid, "--compression", "lzw"]),
        Vips("packbits-chain", "rgb", lossless: true, [.. Pyramid, "--compression", "packbits"]),
        Vips("zstd-chain", "rgb", lossless: true, [.. Pyramid, "--compression", "zstd"]),
        Vips("webp-chain", "rgb", lossless: true, [.. Pyramid, "--compression", "webp", "--lossless"]),
        Vips("bigtiff-chain", "rgb", lossless: true, [.. Pyramid, "--compression", "deflate", "--bigtiff"]),
        Vips("none-single-tiled", "rgb", lossless: true, [.. Tiled]),
        Vips("deflate-strips", "rgb", lossless: true, ["--compression", "deflate"]),
        Vips("gray-chain", "gray", lossless: true, [.. Pyramid, "--compression", "deflate"]),
        Vips("gray16-chain", "gray16", lossless: true, [.. Pyramid, "--compression", "lzw"]),
        Vips("rgb16-chain", "rgb16", lossless: true, [.. Pyramid, "--compression", "deflate"]),
        Vips("rgba-chain", "rgba", lossless: true, [.. Pyramid, "--compression", "deflate"]),
        Vips("graya-chain", "graya", lossless: true, [.. Pyramid, "--compression", "deflate"]),
        Vips("miniswhite-1bit-strips", "gray", lossless: true, ["--bitdepth", "1", "--miniswhite", "--compression", "ccittfax4"]),
        Vips("gray-4bit-tiled", "gray", lossless: true, [.. Tiled, "--bitdepth", "4"]),
        new("rgba-associated", Lossless: true, SubIfds: false, Build: path =>
        {
            ExternalTool.Run("vips", ["tiffsave", Base("rgba"), path, .. Pyramid, "--compression", "deflate", "--premultiply"]);
        }),
        new("palette-tiled", Lossless: true, SubIfds: false, Build: path =>
        {
            var strips = path + ".strips.tif";
            using (var image = SyntheticImages.Rgb(Width, Height))
            {
                image.Save(strips, new TiffEncoder { BitsPerPixel = TiffBitsPerPixel.Bit8, PhotometricInterpretation = TiffPhotometricInterpretation.PaletteColor });
            }

            ExternalTool.Run("tiffcp", "-t", "-w", "128", "-l", "128", "-c", "lzw", strips, path);
        }),
        new("planar-separate-chain", Lossless: true, SubIfds: false, Build: path =>
            ExternalTool.Run("tiffcp", "-p", "separate", "-c", "zip", PathOf("deflate-chain"), path), RgbaReference: true),
        new("big-endian-chain", Lossless: true, SubIfds: false, Build: path =>
            ExternalTool.Run("tiffcp", "-B", PathOf("deflate-chain"), path)),
        new("tiffcp-strips-16rows", Lossless: true, SubIfds: false, Build: path =>
            ExternalTool.Run("tiffcp", "-s", "-r", "16", "-c", "lzw", PathOf("none-single-tiled"), path)),
        new("tiffcp-pyramid", Lossless: true, SubIfds: false, Build: BuildTiffcpPyramid),
        new("converter-jpeg", Lossless: false, SubIfds: false, Build: path => Convert(path, "rgb", TiffTileCompression.Jpeg)),
        new("converter-deflate-rgba", Lossless: true, SubIfds: false, Build: path => Convert(path, "rgba", TiffTileCompression.Deflate)),
        new("signed16-tiled", Lossless: true, SubIfds: false, Build: path =>
        {
            var signed = path + ".v";
            ExternalTool.Run("vips", "cast", Base("gray16"), path + ".u.v", "int");
            ExternalTool.Run("vips", "linear", path + ".u.v", path + ".l.v", "1", "--", "-32768");
            ExternalTool.Run("vips", "cast", path + ".l.v", signed, "short");
            ExternalTool.Run("vips", ["tiffsave", signed, path, .. Tiled, "--compression", "deflate"]);
        }),
        new("cmyk-tiled", Lossless: true, SubIfds: false, Build: path =>
        {
            ExternalTool.Run("vips", "bandjoin_const", Base("rgb"), path + ".4.v", "40");
            ExternalTool.Run("vips", "copy", path + ".4.v", path + ".cmyk.v", "--interpretation", "cmyk");
            ExternalTool.Run("vips", ["tiffsave", path + ".cmyk.v", path, .. Tiled, "--compression", "deflate"]);
        }, RgbaReference: true),
    ];

    /// <summary>The variant called <paramref name="name"/>.</summary>
    public static TiffVariant Variant(string name) => Variants.Single(v => v.Name == name);

    /// <summary>The names of every variant (for test case sources).</summary>
    public static IEnumerable<string> Names => Variants.Select(v => v.Name);

    /// <summary>The variant's file, made on first use.</summary>
    public static string PathOf(string name) => Cached(name + ".tif", path => Variant(name).Build(path));

    /// <summary>libtiff's own reading of stored level <paramref name="index"/> (0 = full resolution, then the reduced
    /// directories in file order) as a PNG, through vips or, for <see cref="TiffVariant.RgbaReference"/> variants,
    /// libtiff's tiff2rgba.</summary>
    public static string ReferenceOf(string name, int index) => Cached($"{name}.level{index}.png", png =>
    {
        var variant = Variant(name);
        var file = PathOf(name);
        if (variant.RgbaReference)
        {
            // tiff2rgba converts every directory in order, so the level keeps its page number.
            ExternalTool.Run("tiff2rgba", "-n", "-c", "none", file, png + ".rgba.tif");
            ExternalTool.Run("vips", "copy", $"{png}.rgba.tif[page={index}]", png);
            return;
        }

        if (name == "rgba-associated")
        {
            // The stored (premultiplied) samples as they are: mark a copy's alpha unassociated so vips leaves them alone.
            File.Copy(file, png + ".raw.tif");
            ExternalTool.Run("tiffset", "-d", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s", "338", "1", "2", png + ".raw.tif");
            file = png + ".raw.tif";
        }

        var selector = index == 0 ? string.Empty : variant.SubIfds ? $"[subifd={index - 1}]" : $"[page={index}]";
        if (name == "signed16-tiled")
        {
            // PNG has no signed samples: shift to offset binary first, as the decoder does.
            ExternalTool.Run("vips", "linear", file + selector, png + ".l.v", "1", "32768");
            ExternalTool.Run("vips", "cast", png + ".l.v", png + ".u.v", "ushort");
            file = png + ".u.v";
            selector = string.Empty;
        }

        ExternalTool.Run("vips", "copy", file + selector, png);
    });

    /// <summary>A base picture as PNG: rgb, rgba, gray, graya, gray16, rgb16.</summary>
    public static string Base(string kind) => Cached($"base-{kind}.png", path =>
    {
        using Image image = kind switch
        {
            "rgb" => SyntheticImages.Rgb(Width, Height),
            "rgba" => SyntheticImages.Rgba(Width, Height),
            "gray" => SyntheticImages.Gray(Width, Height),
            "graya" => SyntheticImages.GrayAlpha(Width, Height),
            "gray16" => SyntheticImages.Gray16(Width, Height),
            "rgb16" => SyntheticImages.Rgb16(Width, Height),
            _ => throw new ArgumentException($"Unknown base picture {kind}.", nameof(kind)),
        };
        image.Save(path, new PngEncoder { CompressionLevel = PngCompressionLevel.BestSpeed });
    });

    /// <summary>A pyramid written by our own converter's writer (256 px tiles, levels halved rounding up).</summary>
    private static void Convert(string path, string kind, TiffTileCompression compression)
    {
        using var image = Image.Load(Base(kind));
        new TiffPyramidWriter(new TiffPyramidWriterOptions { Compression = compression }, Configuration.Default).Write(image, path);
    }

    private static TiffVariant Vips(string name, string kind, bool lossless, string[] options, bool subIfds = false) =>
        new(name, lossless, subIfds, path => ExternalTool.Run("vips", ["tiffsave", Base(kind), path, .. options]));

    /// <summary>A pyramid put together the old way: each level tiled on its own, the files concatenated by tiffcp, and
    /// the reduced pages marked as such with tiffset.</summary>
    private static void BuildTiffcpPyramid(string path)
    {
        var levels = new List<string>();
        for (var r = 0; r < 3; r++)
        {
            var level = $"{path}.l{r}.tif";
            var shrunk = r == 0 ? Base("rgb") : $"{path}.l{r}.v";
            if (r > 0)
            {
                ExternalTool.Run("vips", "shrink", Base("rgb"), shrunk, (1 << r).ToString(System.Globalization.CultureInfo.InvariantCulture), (1 << r).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            ExternalTool.Run("vips", ["tiffsave", shrunk, level, .. Tiled, "--compression", "lzw"]);
            levels.Add(level);
        }

        ExternalTool.Run("tiffcp", [.. levels, path]);
        for (var r = 1; r < 3; r++)
        {
            ExternalTool.Run("tiffset", "-d", r.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s", "254", "1", path);
        }
    }

    private static string Cached(string fileName, Action<string> build) =>
        Files.GetOrAdd(fileName, name => new Lazy<string>(() =>
        {
            var path = Path.Combine(TestImageFactory.Folder, name);
            build(path);
            return path;
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}

/// <summary>One test TIFF: how it is made, whether its pixels are exact, and how vips addresses its reduced levels.</summary>
/// <param name="Name">The variant's name, also its file name.</param>
/// <param name="Lossless">True when decoding must match libtiff's reading exactly.</param>
/// <param name="SubIfds">True when the reduced levels are SubIFDs rather than chained directories.</param>
/// <param name="Build">Writes the file to the given path.</param>
/// <param name="RgbaReference">True when libtiff's RGBA interface (tiff2rgba) gives the reference: layouts it renders that
/// way, and tiled planar files, which vips cannot read.</param>
internal sealed record TiffVariant(string Name, bool Lossless, bool SubIfds, Action<string> Build, bool RgbaReference = false);

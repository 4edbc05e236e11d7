using System.Collections.Concurrent;
using Iiif.Imaging.Jpeg2000;
using SixLabors.ImageSharp;

namespace Iiif.Tests.TestUtilities;

/// <summary>JPEG 2000 test files made at test time with our own encoder from <see cref="SyntheticImages"/>, cached in
/// one temporary folder per test run (deleted by <see cref="TestRunCleanup"/>) and named by their properties.</summary>
internal static class TestImageFactory
{
    public const string RgbTiled = "rgb-640x480-tiled256-5lev-lossless.jp2";
    public const string RgbLossy = "rgb-640x480-tiled256-lossy-3layers.jp2";
    public const string RgbSingleTile = "single-tile-rgb-300x200-lossless.jp2";
    public const string RgbOddTiled = "rgb-333x217-tiled64-4lev-lossless.jp2";
    public const string Gray = "gray-320x240-tiled128-4lev-lossless.jp2";
    public const string Gray16 = "gray16-320x240-tiled128-4lev-lossless.jp2";
    public const string GrayAlpha = "graya-320x240-tiled128-4lev-lossless.jp2";
    public const string Rgba = "rgba-320x240-tiled128-4lev-lossless.jp2";
    public const string Rgb16 = "rgb16-320x240-tiled128-4lev-lossless.jp2";
    public const string Gray12 = "gray12-320x240-tiled128-4lev-lossless.jp2";
    public const string Gray1 = "gray1-320x240-tiled128-4lev-lossless.jp2";
    public const string Signed12 = "signed12-gray-320x240-tiled128-4lev-lossless.jp2";
    public const string Sycc420 = "sycc420-320x240-tiled128-4lev-lossless.jp2";
    public const string Eycc420 = "eycc420-320x240-tiled128-4lev-lossless.jp2";
    public const string Origin = "origin37x21-rgb-320x240-tiled128-4lev-lossless.jp2";
    public const string RawJ2k = "j2k-raw-rgb-320x240-tiled128-4lev-lossless.j2k";
    public const string RawSycc420 = "j2k-raw-sycc420-320x240-tiled128-4lev-lossless.j2k";
    public const string IccRgba = "icc-rgba-320x240-tiled128-4lev-lossless.jp2";

    /// <summary>Origin of <see cref="Origin"/> on the reference grid.</summary>
    public const int OriginX = 37;

    /// <summary>Origin of <see cref="Origin"/> on the reference grid.</summary>
    public const int OriginY = 21;

    private static readonly Lazy<string> FolderPath = new(CreateFolder);
    private static readonly ConcurrentDictionary<string, Lazy<string>> Files = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, Action<string>> Builders = new(StringComparer.Ordinal)
    {
        [RgbTiled] = path => Write(Source(RgbTiled), path, Tiled(256) with { Resolutions = 5 }),
        [RgbLossy] = path => Write(Source(RgbLossy), path, Tiled(256) with { Lossless = false, CompressionRatios = [40, 20, 10] }),
        [RgbSingleTile] = path => Write(Source(RgbSingleTile), path, new Jpeg2000EncoderOptions()),
        [RgbOddTiled] = path => Write(Source(RgbOddTiled), path, Tiled(64) with { Resolutions = 4 }),
        [Gray] = path => Write(Source(Gray), path, Tiled(128)),
        [Gray16] = path => Write(Source(Gray16), path, Tiled(128)),
        [GrayAlpha] = path => Write(Source(GrayAlpha), path, Tiled(128)),
        [Rgba] = path => Write(Source(Rgba), path, Tiled(128)),
        [Rgb16] = path => Write(Source(Rgb16), path, Tiled(128)),
        [Gray12] = path => Write(Planes(Gray12), path, Tiled(128)),
        [Gray1] = path => Write(Planes(Gray1), path, Tiled(128)),
        [Signed12] = path => Write(Planes(Signed12), path, Tiled(128)),
        [Sycc420] = path => Write(Planes(Sycc420), path, Tiled(128)),
        [Eycc420] = path => Write(Planes(Eycc420), path, Tiled(128)),
        [Origin] = path => Write(Source(Origin), path, Tiled(128) with { OriginX = OriginX, OriginY = OriginY }),
        [RawJ2k] = path => Write(Source(RawJ2k), path, Tiled(128) with { Container = Jpeg2000Container.J2k }),
        [RawSycc420] = path => Write(Planes(RawSycc420), path, Tiled(128) with { Container = Jpeg2000Container.J2k }),
        [IccRgba] = path => Write(Source(IccRgba), path, Tiled(128) with { IccProfile = SyntheticImages.TinyIccProfile() }),
    };

    /// <summary>The run's folder (created on first use).</summary>
    public static string Folder => FolderPath.Value;

    /// <summary>Every file name the factory knows.</summary>
    public static IEnumerable<string> Names => Builders.Keys;

    /// <summary>The path of test file <paramref name="name"/>, encoding it on first use.</summary>
    public static string PathOf(string name) =>
        Files.GetOrAdd(name, n => new Lazy<string>(() => Build(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The picture a test file was encoded from (a fresh copy; dispose it). For plane-based files, the picture
    /// the planes were derived from.</summary>
    public static Image Source(string name) => name switch
    {
        RgbTiled or RgbLossy => SyntheticImages.Rgb(640, 480),
        RgbSingleTile => SyntheticImages.Rgb(300, 200),
        RgbOddTiled => SyntheticImages.Rgb(333, 217),
        Gray => SyntheticImages.Gray(320, 240),
        Gray16 => SyntheticImages.Gray16(320, 240),
        GrayAlpha => SyntheticImages.GrayAlpha(320, 240),
        Rgba or IccRgba => SyntheticImages.Rgba(320, 240),
        Rgb16 => SyntheticImages.Rgb16(320, 240),
        Origin or RawJ2k or Sycc420 or Eycc420 or RawSycc420 => SyntheticImages.Rgb(320, 240),
        _ => throw new ArgumentException($"{name} has no ImageSharp source.", nameof(name)),
    };

    /// <summary>The planes a plane-based test file was encoded from.</summary>
    public static Jpeg2000Planes Planes(string name)
    {
        switch (name)
        {
            case Gray12:
                return GrayPlanes(SyntheticImages.GrayPlane(320, 240, 12, signed: false));
            case Gray1:
                return GrayPlanes(SyntheticImages.GrayPlane(320, 240, 1, signed: false));
            case Signed12:
                return GrayPlanes(SyntheticImages.GrayPlane(320, 240, 12, signed: true));
            case Sycc420 or RawSycc420 or Eycc420:
                using (var rgb = (Image<SixLabors.ImageSharp.PixelFormats.Rgb24>)Source(name))
                {
                    return SyntheticImages.Ycc420(rgb, name == Eycc420 ? Jpeg2000ColorSpace.EYcc : Jpeg2000ColorSpace.SYcc);
                }

            default:
                throw new ArgumentException($"{name} is not plane-based.", nameof(name));
        }
    }

    /// <summary>Deletes the run's folder if it was created.</summary>
    public static void DeleteFolder()
    {
        if (FolderPath.IsValueCreated && Directory.Exists(FolderPath.Value))
        {
            Directory.Delete(FolderPath.Value, recursive: true);
        }
    }

    private static Jpeg2000Planes GrayPlanes(Jpeg2000ComponentPlane plane) =>
        new(plane.Width, plane.Height, Jpeg2000ColorSpace.Gray, [plane]);

    private static Jpeg2000EncoderOptions Tiled(int tileSize) => new() { TileSize = tileSize, Resolutions = tileSize == 128 ? 4 : null };

    private static string Build(string name)
    {
        if (!Builders.TryGetValue(name, out var build))
        {
            throw new ArgumentException($"Unknown test image {name}.", nameof(name));
        }

        var path = Path.Combine(Folder, name);
        build(path);
        return path;
    }

    private static void Write(Image source, string path, Jpeg2000EncoderOptions options)
    {
        using (source)
        {
            new Jpeg2000Encoder(options).Encode(source, path);
        }
    }

    private static void Write(Jpeg2000Planes planes, string path, Jpeg2000EncoderOptions options) =>
        new Jpeg2000Encoder(options).Encode(planes, path);

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"iiif-tests-jp2-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

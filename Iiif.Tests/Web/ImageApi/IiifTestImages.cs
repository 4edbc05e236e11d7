using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>The sources the server tests serve, made once per test run in <see cref="TestImageFactory.Folder"/> and
/// copied into each test host's images folder under their identifiers.</summary>
internal static class IiifTestImages
{
    /// <summary>1000x1000 JPEG 2000, 256-pixel tiles, 5 resolution levels (the size of the official IIIF image validator's test image).</summary>
    public const string SquareJp2 = "square-jp2";

    /// <summary>1000x800 JPEG 2000, 256-pixel tiles.</summary>
    public const string WideJp2 = "wide-jp2";

    /// <summary>1000x1000 strip TIFF written by ImageSharp.</summary>
    public const string SquareTif = "square-tif";

    /// <summary>1000x800 strip TIFF written by ImageSharp.</summary>
    public const string WideTif = "wide-tif";

    /// <summary>1000x1000 pyramidal TIFF written by vips: JPEG Q85, 256-pixel tiles, reduced levels chained.</summary>
    public const string SquarePtif = "square-ptif";

    /// <summary>1000x800 pyramidal TIFF written by vips, as <see cref="SquarePtif"/>.</summary>
    public const string WidePtif = "wide-ptif";

    /// <summary>A JP2 signature followed by garbage.</summary>
    public const string Corrupt = "corrupt";

    /// <summary>Served from the subfolder ark:/12025/ as <c>ark:%2F12025%2F654xz321</c>.</summary>
    public const string Ark = "ark:/12025/654xz321";

    private static readonly Lazy<string> SquareJp2File = new(() => Jp2(1000, 1000, "iiif-square-1000x1000-tiled256.jp2"));
    private static readonly Lazy<string> WideJp2File = new(() => Jp2(1000, 800, "iiif-wide-1000x800-tiled256.jp2"));
    private static readonly Lazy<string> SquareTifFile = new(() => Tif(1000, 1000, "iiif-square-1000x1000.tif"));
    private static readonly Lazy<string> WideTifFile = new(() => Tif(1000, 800, "iiif-wide-1000x800.tif"));
    private static readonly Lazy<string> SquarePtifFile = new(() => Ptif(1000, 1000, "iiif-square-1000x1000-pyramid256.tif"));
    private static readonly Lazy<string> WidePtifFile = new(() => Ptif(1000, 800, "iiif-wide-1000x800-pyramid256.tif"));

    /// <summary>Copies every test source into <paramref name="imagesDirectory"/>.</summary>
    public static void CopyInto(string imagesDirectory)
    {
        File.Copy(SquareJp2File.Value, Path.Combine(imagesDirectory, SquareJp2 + ".jp2"));
        File.Copy(WideJp2File.Value, Path.Combine(imagesDirectory, WideJp2 + ".jp2"));
        File.Copy(SquareTifFile.Value, Path.Combine(imagesDirectory, SquareTif + ".tif"));
        File.Copy(WideTifFile.Value, Path.Combine(imagesDirectory, WideTif + ".tif"));
        File.Copy(SquarePtifFile.Value, Path.Combine(imagesDirectory, SquarePtif + ".tif"));
        File.Copy(WidePtifFile.Value, Path.Combine(imagesDirectory, WidePtif + ".tif"));
        var arkFolder = Path.Combine(imagesDirectory, "ark:", "12025");
        Directory.CreateDirectory(arkFolder);
        File.Copy(WideJp2File.Value, Path.Combine(arkFolder, "654xz321.jp2"));

        var corrupt = File.ReadAllBytes(SquareJp2File.Value).AsSpan(0, 300).ToArray();
        Array.Fill(corrupt, (byte)0x5A, 120, 180);
        File.WriteAllBytes(Path.Combine(imagesDirectory, Corrupt + ".jp2"), corrupt);
    }

    private static string Jp2(int width, int height, string name)
    {
        var path = Path.Combine(TestImageFactory.Folder, name);
        using var image = SyntheticImages.Rgb(width, height);
        new Jpeg2000Encoder(new Jpeg2000EncoderOptions { TileSize = 256, Resolutions = 5 }).Encode(image, path);
        return path;
    }

    private static string Ptif(int width, int height, string name)
    {
        var path = Path.Combine(TestImageFactory.Folder, name);
        using (var image = SyntheticImages.Rgb(width, height))
        {
            image.SaveAsPng(path + ".png");
        }

        ExternalTool.Run("vips", "tiffsave", path + ".png", path, "--tile", "--pyramid", "--compression", "jpeg", "--Q", "85",
            "--tile-width", "256", "--tile-height", "256");
        return path;
    }

    private static string Tif(int width, int height, string name)
    {
        var path = Path.Combine(TestImageFactory.Folder, name);
        using var image = SyntheticImages.Rgb(width, height);
        image.Save(path, new TiffEncoder());
        return path;
    }
}

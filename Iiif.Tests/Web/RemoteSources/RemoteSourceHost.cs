using System.Globalization;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Web.RemoteSources;

/// <summary>Shared steps of the remote source tests: the same files on disk and upstream, a server whose rules send
/// prefixed identifiers upstream, and pixel comparison of the two answers.</summary>
internal static class RemoteSourceHost
{
    private static readonly Lazy<string> JpegFile = new(() =>
    {
        var path = Path.Combine(TestImageFactory.Folder, "remote-photo-640x480.jpg");
        using var image = SyntheticImages.Rgb(640, 480, seed: 11);
        image.SaveAsJpeg(path);
        return path;
    });

    private static readonly Lazy<string> TiffFile = new(() =>
    {
        // A pyramidal TIFF with 256 px JPEG tiles, as vips writes them for IIPImage and our TIFF decoder reads them.
        var path = Path.Combine(TestImageFactory.Folder, "remote-pyramid-640x480.tif");
        ExternalTool.Run("vips", "libvips-tools", TimeSpan.FromMinutes(2), "tiffsave", JpegFile.Value, path,
            "--tile", "--pyramid", "--tile-width", "256", "--tile-height", "256", "--compression", "jpeg");
        return path;
    });

    /// <summary>A lossless tiled JPEG 2000 (TLM, PLT), a JPEG and a pyramidal TIFF, by identifier.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tiled.jp2"] = TestImageFactory.PathOf(TestImageFactory.RgbTiled),
        ["photo.jpg"] = JpegFile.Value,
        ["pyramid.tif"] = TiffFile.Value,
    };


    /// <summary>Copies every file into the host's image folder under its identifier.</summary>
    public static void AddLocalFiles(Iiif.Tests.Web.Configuration.WebTestFolder folder)
    {
        foreach (var (name, file) in Files)
        {
            File.Copy(file, Path.Combine(folder.ImagesDirectory, name));
        }
    }

    /// <summary>A local.yml with <paramref name="rules"/> (YAML list items indented by two spaces).</summary>
    public static string Config(string rules, string extra = "") => string.Create(CultureInfo.InvariantCulture, $"""
        sources:
          rules:
        {rules}
        {extra}
        """);

    /// <summary>The decoded pixels of a PNG answer.</summary>
    public static PixelData Pixels(byte[] png)
    {
        using var image = Image.Load<Rgb24>(png);
        return PixelData.Of(image);
    }

    /// <summary>Requests the same tail for a local and a remote identifier and asserts both succeed with equal pixels.</summary>
    public static async Task AssertSamePixelsAsync(RunningHost host, string version, string local, string remote, string tail)
    {
        var fromDisk = await host.GetAsync($"/iiif/{version}/{local}/{tail}");
        var fromUpstream = await host.GetAsync($"/iiif/{version}/{Uri.EscapeDataString(remote)}/{tail}");
        Assert.That((int)fromDisk.StatusCode, Is.EqualTo(200), $"{local} {tail}");
        Assert.That((int)fromUpstream.StatusCode, Is.EqualTo(200), await fromUpstream.Content.ReadAsStringAsync());
        Assert.That(Pixels(await fromUpstream.Content.ReadAsByteArrayAsync()).Samples,
            Is.EqualTo(Pixels(await fromDisk.Content.ReadAsByteArrayAsync()).Samples), $"{remote} {tail} (API {version})");
    }
}

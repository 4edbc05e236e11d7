using System.Text.Json;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>An HTJ2K codestream (.j2c, as ojph_compress writes it) found by the default extensions and served like any
/// JPEG 2000: info.json with its tiles and levels, and tiles with the lossless source's pixels.</summary>
[TestFixture]
[Category("Integration")]
public class HtJ2kEndpointTests
{
    [Test]
    public async Task Get_HtJ2kCodestream_ServesInfoAndTiles()
    {
        var file = HtJ2kFiles.Lossless(TestImageFactory.RgbTiled, decompositions: 4, tileSize: 256);
        await using var host = await RunningHost.StartAsync(folder => File.Copy(file, Path.Combine(folder.ImagesDirectory, "ht.j2c")));

        var info = await RawHttp.SendAsync(host.BaseUri, "GET", "/iiif/3/ht/info.json");
        var tile = await RawHttp.SendAsync(host.BaseUri, "GET", "/iiif/3/ht/256,0,256,256/256,/0/default.png");

        Assert.That(info.Status, Is.EqualTo(200), info.ToString);
        using var document = JsonDocument.Parse(info.Body);
        Assert.That(document.RootElement.GetProperty("width").GetInt32(), Is.EqualTo(640));
        Assert.That(document.RootElement.GetProperty("tiles")[0].GetProperty("width").GetInt32(), Is.EqualTo(256));
        Assert.That(tile.Status, Is.EqualTo(200), tile.ToString);
        using var decoded = Image.Load<Rgb24>(tile.Body);
        using var source = TestImageFactory.Source(TestImageFactory.RgbTiled);
        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(source, new Iiif.Core.Geometry.PixelRect(256, 0, 256, 256)).Samples));
    }
}

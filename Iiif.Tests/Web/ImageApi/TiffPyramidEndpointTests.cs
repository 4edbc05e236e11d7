using System.Text.Json;
using Iiif.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>A vips TIFF pyramid on a real host: info.json describes the pyramid as stored, tiles of the native grid are
/// the stored JPEG tiles byte for byte, and the decoders' caches are published with the others.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class TiffPyramidEndpointTests
{
    private IiifTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await IiifTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("3", IiifTestImages.SquarePtif, "250x250 500x500 1000x1000")]
    [TestCase("2", IiifTestImages.WidePtif, "250x200 500x400 1000x800")]
    [Description("sizes are the stored levels, tiles the native 256 px tile with the pyramid's scale factors.")]
    public async Task Get_Info_DescribesStoredPyramid(string version, string identifier, string sizes)
    {
        var response = await _server.GetAsync($"/iiif/{version}/{identifier}/info.json");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        using var document = JsonDocument.Parse(response.Body);
        var root = document.RootElement;
        var listed = root.GetProperty("sizes").EnumerateArray().Select(s => $"{s.GetProperty("width").GetInt32()}x{s.GetProperty("height").GetInt32()}");
        var tiles = root.GetProperty("tiles")[0];
        Assert.That(string.Join(' ', listed), Is.EqualTo(sizes));
        Assert.That(tiles.GetProperty("width").GetInt32(), Is.EqualTo(256));
        Assert.That(tiles.GetProperty("scaleFactors").EnumerateArray().Select(f => f.GetInt32()), Is.EqualTo(new[] { 1, 2, 4 }));
    }

    [Test]
    [Description("A native tile is the stored JPEG tile: the same bytes on every request, a valid JPEG of the tile size.")]
    public async Task Get_NativeTile_ServesStoredTileBytes()
    {
        var target = $"/iiif/3/{IiifTestImages.SquarePtif}/256,512,256,256/256,256/0/default.jpg";

        var first = await _server.GetAsync(target);
        var again = await _server.GetAsync(target + "?x=1");
        var recached = await _server.GetAsync($"/iiif/2/{IiifTestImages.SquarePtif}/256,512,256,256/256,/0/default.jpg");

        Assert.That(first.Status, Is.EqualTo(200), first.ToString());
        Assert.That(first.PixelSize(), Is.EqualTo((256, 256)));
        Assert.That(again.Body, Is.EqualTo(first.Body));
        Assert.That(recached.Body, Is.EqualTo(first.Body), "2.1 asks for the same stored tile");
        using var image = Image.Load(first.Body);
        Assert.That(image.Metadata.GetJpegMetadata().Quality, Is.EqualTo(85), "the stored Q85, not a re-encode");
    }

    [Test]
    [Description("The decoded-block cache, the source facts and the ImageSharp image cache report their statistics.")]
    public void Statistics_DecoderCaches_AreRegistered()
    {
        var names = _server.Services.GetServices<ICacheStatisticsSource>().SelectMany(s => s.GetStatistics()).Select(s => s.Cache);

        Assert.That(names, Is.SupersetOf(new[] { "decoded-blocks", "source-facts", "decoded-images" }));
    }
}

using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Benchmarks;

/// <summary>The load benchmark's tile list (benchmarks/load/tile_urls.py) asks for exactly the URLs OpenSeadragon's
/// IIIFTileSource asks for, so the walk's figures are those a viewer meets.</summary>
[TestFixture]
public sealed class TileUrlListTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("iiif-tile-urls-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Image_api_3_with_a_sizes_list_uses_the_listed_level_sizes()
    {
        const string info = """
            {"@context": "http://iiif.io/api/image/3/context.json", "id": "http://elsewhere.example/iiif/3/small",
             "type": "ImageService3", "protocol": "http://iiif.io/api/image", "profile": "level2",
             "width": 1000, "height": 750, "sizes": [{"width": 500, "height": 375}, {"width": 250, "height": 187}],
             "tiles": [{"width": 256, "height": 256, "scaleFactors": [1, 2, 4]}]}
            """;

        var paths = TileList(info, "http://127.0.0.1:8300/iiif/3/small");

        var tile = (string region, string size) => $"/iiif/3/small/{region}/{size}/0/default.jpg";
        Assert.That(paths, Is.EqualTo(new[]
        {
            // scale 1/4: smaller than one tile, so the whole image at the listed 250x187 (not 250x188)
            tile("full", "250,187"),
            // scale 1/2: 512 px regions to 256 px tiles, edges cut
            tile("0,0,512,512", "256,256"), tile("512,0,488,512", "244,256"),
            tile("0,512,512,238", "256,119"), tile("512,512,488,238", "244,119"),
            // full resolution, row by row
            tile("0,0,256,256", "256,256"), tile("256,0,256,256", "256,256"), tile("512,0,256,256", "256,256"),
            tile("768,0,232,256", "232,256"),
            tile("0,256,256,256", "256,256"), tile("256,256,256,256", "256,256"), tile("512,256,256,256", "256,256"),
            tile("768,256,232,256", "232,256"),
            tile("0,512,256,238", "256,238"), tile("256,512,256,238", "256,238"), tile("512,512,256,238", "256,238"),
            tile("768,512,232,238", "232,238"),
        }));
    }

    [Test]
    public void Image_api_2_pyramid_of_the_benchmark_image_has_the_viewer_s_1609_tiles()
    {
        const string info = """
            {"@context": "http://iiif.io/api/image/2/context.json", "@id": "http://127.0.0.1/iiif/big.jp2",
             "protocol": "http://iiif.io/api/image", "profile": ["http://iiif.io/api/image/2/level1.json"],
             "width": 10000, "height": 7500,
             "tiles": [{"width": 256, "height": 256, "scaleFactors": [1, 2, 4, 8, 16, 32, 64]}]}
            """;

        var paths = TileList(info, "http://127.0.0.1:8301/iiif/big.jp2");

        Assert.That(paths, Has.Count.EqualTo(1 + 2 + 6 + 20 + 80 + 300 + 1200));
        Assert.That(paths.Take(4), Is.EqualTo(new[]
        {
            "/iiif/big.jp2/full/157,/0/default.jpg",
            "/iiif/big.jp2/0,0,8192,7500/256,235/0/default.jpg",
            "/iiif/big.jp2/8192,0,1808,7500/57,235/0/default.jpg",
            "/iiif/big.jp2/0,0,4096,4096/256,256/0/default.jpg",
        }));
        Assert.That(paths[^1], Is.EqualTo("/iiif/big.jp2/9984,7424,16,76/16,76/0/default.jpg"));
        Assert.That(paths, Is.Unique);
    }

    [Test]
    public void A_forced_tile_size_replaces_the_advertised_one()
    {
        const string info = """
            {"@context": "http://iiif.io/api/image/3/context.json", "id": "x", "type": "ImageService3",
             "protocol": "http://iiif.io/api/image", "profile": "level2", "width": 2048, "height": 1024,
             "tiles": [{"width": 1024, "height": 1024, "scaleFactors": [1, 2]}]}
            """;

        var paths = TileList(info, "http://127.0.0.1:8300/iiif/3/x", "--tile", "512");

        Assert.That(paths, Is.EqualTo(new[]
        {
            "/iiif/3/x/0,0,1024,1024/512,512/0/default.jpg", "/iiif/3/x/1024,0,1024,1024/512,512/0/default.jpg",
            "/iiif/3/x/0,0,512,512/512,512/0/default.jpg", "/iiif/3/x/512,0,512,512/512,512/0/default.jpg",
            "/iiif/3/x/1024,0,512,512/512,512/0/default.jpg", "/iiif/3/x/1536,0,512,512/512,512/0/default.jpg",
            "/iiif/3/x/0,512,512,512/512,512/0/default.jpg", "/iiif/3/x/512,512,512,512/512,512/0/default.jpg",
            "/iiif/3/x/1024,512,512,512/512,512/0/default.jpg", "/iiif/3/x/1536,512,512,512/512,512/0/default.jpg",
        }));
    }

    private List<string> TileList(string info, string baseUrl, params string[] options)
    {
        var infoFile = Path.Combine(_folder, "info.json");
        var listFile = Path.Combine(_folder, "tiles.txt");
        File.WriteAllText(infoFile, info);
        var script = Path.Combine(RepositoryPaths.Root, "benchmarks", "load", "tile_urls.py");
        ExternalTool.Run("python3", "python3", TimeSpan.FromSeconds(60),
            [script, "--info-file", infoFile, "--base", baseUrl, "-o", listFile, .. options]);
        return File.ReadAllLines(listFile).ToList();
    }
}

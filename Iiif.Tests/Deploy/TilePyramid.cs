using System.Globalization;
using System.Text.Json;

namespace Iiif.Tests.Deploy;

/// <summary>The tile requests OpenSeadragon's IIIFTileSource makes for an Image API 3.0 info.json: every level from the
/// smallest, tiles row by row, region x,y,w,h and size w,h (as the benchmark's urls.py generates them).</summary>
internal static class TilePyramid
{
    /// <summary>(path after the image's base URI, expected width, expected height).</summary>
    public static List<(string Path, int Width, int Height)> Tiles(JsonElement info)
    {
        var width = info.GetProperty("width").GetInt32();
        var height = info.GetProperty("height").GetInt32();
        var tiles = info.GetProperty("tiles")[0];
        var tileWidth = tiles.GetProperty("width").GetInt32();
        var tileHeight = tiles.TryGetProperty("height", out var h) ? h.GetInt32() : tileWidth;
        var maxScale = tiles.GetProperty("scaleFactors").EnumerateArray().Max(f => f.GetInt32());
        var maxLevel = (int)Math.Round(Math.Log2(maxScale));
        var result = new List<(string, int, int)>();
        for (var level = 0; level <= maxLevel; level++)
        {
            var scale = Math.Pow(0.5, maxLevel - level);
            var levelWidth = (int)Math.Ceiling(width * scale);
            var levelHeight = (int)Math.Ceiling(height * scale);
            var columns = (int)Math.Ceiling(scale * width / tileWidth);
            var rows = (int)Math.Ceiling(scale * height / tileHeight);
            var regionWidth = (int)Math.Round(tileWidth / scale);
            var regionHeight = (int)Math.Round(tileHeight / scale);
            for (var y = 0; y < rows; y++)
            {
                for (var x = 0; x < columns; x++)
                {
                    result.Add(levelWidth < tileWidth && levelHeight < tileHeight
                        ? Whole(width, height, levelWidth, levelHeight)
                        : Tile(width, height, levelWidth, levelHeight, (x, y), (regionWidth, regionHeight), (tileWidth, tileHeight)));
                }
            }
        }

        return result;
    }

    private static (string, int, int) Whole(int width, int height, int levelWidth, int levelHeight)
    {
        var size = levelWidth == width && levelHeight == height ? "max" : Invariant($"{levelWidth},{levelHeight}");
        return ($"/full/{size}/0/default.jpg", levelWidth, levelHeight);
    }

    private static (string, int, int) Tile(
        int width, int height, int levelWidth, int levelHeight, (int X, int Y) tile, (int W, int H) region, (int W, int H) tileSize)
    {
        var rx = tile.X * region.W;
        var ry = tile.Y * region.H;
        var rw = Math.Min(region.W, width - rx);
        var rh = Math.Min(region.H, height - ry);
        var regionText = tile is (0, 0) && rw == width && rh == height ? "full" : Invariant($"{rx},{ry},{rw},{rh}");
        var outWidth = Math.Min(tileSize.W, levelWidth - (tile.X * tileSize.W));
        var outHeight = Math.Min(tileSize.H, levelHeight - (tile.Y * tileSize.H));
        var size = outWidth == width && outHeight == height ? "max" : Invariant($"{outWidth},{outHeight}");
        return ($"/{regionText}/{size}/0/default.jpg", outWidth, outHeight);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

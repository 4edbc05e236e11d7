using System.Text.Json.Nodes;
using Iiif.Core.Geometry;

namespace Iiif.Core.Info;

/// <summary>The JSON pieces both versions share.</summary>
internal static class InfoJsonNodes
{
    /// <summary><c>sizes</c>: <c>[{"width","height"}, ...]</c>.</summary>
    public static JsonArray Sizes(IReadOnlyList<PixelSize> sizes) =>
        new([.. sizes.Select(s => new JsonObject { ["width"] = s.Width, ["height"] = s.Height })]);

    /// <summary><c>tiles</c>: one entry; <c>height</c> only when it differs from <c>width</c>, which it defaults to.</summary>
    public static JsonArray Tiles(PyramidLayout layout)
    {
        var tile = new JsonObject { ["width"] = layout.TileSize.Width };
        if (layout.TileSize.Height != layout.TileSize.Width)
        {
            tile["height"] = layout.TileSize.Height;
        }

        tile["scaleFactors"] = new JsonArray([.. layout.ScaleFactors.Select(f => (JsonNode)f)]);
        return new JsonArray(tile);
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    /// <summary>A node can have one parent only, so configured values are copied into each document.</summary>
    public static void AddCopy(JsonObject document, string name, JsonNode? value)
    {
        if (value is not null)
        {
            document[name] = value.DeepClone();
        }
    }

    public static void AddNonEmpty(JsonObject target, string name, IReadOnlyCollection<string> values)
    {
        if (values.Count > 0)
        {
            target[name] = Strings(values);
        }
    }

    public static void AddCopies(JsonObject document, string name, IReadOnlyList<JsonObject> values)
    {
        if (values.Count > 0)
        {
            document[name] = new JsonArray([.. values.Select(v => v.DeepClone())]);
        }
    }
}

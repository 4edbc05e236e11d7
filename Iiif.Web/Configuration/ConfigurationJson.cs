using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iiif.Web.Configuration;

/// <summary>Turns a configuration subtree back into JSON, for the free-form objects of the info section. Every
/// scalar stays a string, since configuration keeps no types; children named 0, 1, ... become arrays.</summary>
internal static class ConfigurationJson
{
    /// <summary>The items of a list section, each as an immutable JSON value.</summary>
    public static IReadOnlyList<JsonElement> ToElements(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.GetChildren()
            .Select(child => JsonSerializer.SerializeToElement(ToNode(child)))
            .ToList();
    }

    internal static JsonNode? ToNode(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return section.Value is null ? null : JsonValue.Create(section.Value);
        }

        if (children.All(c => c.Key.All(char.IsAsciiDigit)))
        {
            return new JsonArray(children.Select(ToNode).ToArray());
        }

        var result = new JsonObject();
        foreach (var child in children)
        {
            result[child.Key] = ToNode(child);
        }

        return result;
    }
}

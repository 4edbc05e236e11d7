using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Iiif.Web.Configuration;

namespace Iiif.Web.Admin;

/// <summary>The effective configuration (every layer merged) as JSON for /admin/config. Each setting is
/// <c>{"value": ..., "source": ...}</c>: the value typed as the option reads it (numbers, true/false, lists), and the
/// layer that set it (default.yml, the environment's overlay, local.yml, "environment variable IIIF_…", "command line").
/// Secrets are masked: keys whose name says they hold one (apiKey, password, secret, token) lose their value, and a
/// connection string keeps everything but its password, however it is spaced. Empty secrets stay empty, so an operator
/// can still see that none is set.</summary>
internal static partial class ConfigurationSummary
{
    private static readonly string[] SecretKeyWords = ["apikey", "password", "secret", "token"];

    public static JsonObject Build(LayeredConfiguration layered)
    {
        ArgumentNullException.ThrowIfNull(layered);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(layered.Values).Build();
        var summary = new JsonObject();
        foreach (var section in configuration.GetChildren().OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            summary[section.Key] = Node(section, layered);
        }

        return summary;
    }

    internal static string MaskText(string key, string value)
    {
        if (SecretKeyWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return AdminApi.Mask;
        }

        // StackExchange.Redis connection strings: "host:6379,password=...,ssl=true", also written "password = ...".
        return Password().Replace(value, "${name}=" + AdminApi.Mask);
    }

    private static JsonObject Node(IConfigurationSection section, LayeredConfiguration layered)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0 || children.All(c => c.Key.All(char.IsAsciiDigit)))
        {
            return Setting(section, children, layered);
        }

        var node = new JsonObject();
        foreach (var child in children)
        {
            node[child.Key] = Node(child, layered);
        }

        return node;
    }

    /// <summary>One setting: a single value, or a list that one layer set as a whole.</summary>
    private static JsonObject Setting(IConfigurationSection section, List<IConfigurationSection> items, LayeredConfiguration layered)
    {
        var type = ConfigurationSchema.PropertyOf(section.Path.Split(ConfigurationPath.KeyDelimiter))?.PropertyType;
        var value = items.Count == 0
            ? (JsonNode?)Typed(section.Key, section.Value, type)
            : new JsonArray(items.Select(item => Masked(section.Key, ConfigurationJson.ToNode(item))).ToArray());
        var origin = layered.Origins.Keys
            .Where(k => string.Equals(k, section.Path, StringComparison.OrdinalIgnoreCase)
                || k.StartsWith(section.Path + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase))
            .Select(layered.OriginOf)
            .FirstOrDefault() ?? "unknown";
        return new JsonObject { ["value"] = value, ["source"] = origin };
    }

    private static JsonValue? Typed(string key, string? text, Type? type)
    {
        if (text is null)
        {
            return null;
        }

        var masked = MaskText(key, text);
        var target = type is null ? typeof(string) : Nullable.GetUnderlyingType(type) ?? type;
        if (masked != text || text.Length == 0)
        {
            return JsonValue.Create(masked);
        }

        if (target == typeof(bool) && bool.TryParse(text, out var flag))
        {
            return JsonValue.Create(flag);
        }

        if ((target == typeof(int) || target == typeof(long)) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        return (target == typeof(decimal) || target == typeof(double))
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }

    private static JsonNode? Masked(string key, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.ToList())
                {
                    // A remote source's request headers (sources.rules[].http.headers) usually carry a credential.
                    obj[property.Key] = string.Equals(key, "headers", StringComparison.OrdinalIgnoreCase) && property.Value is JsonValue
                        ? JsonValue.Create(AdminApi.Mask)
                        : Masked(property.Key, property.Value?.DeepClone());
                }

                return obj;
            case JsonArray array:
                return new JsonArray(array.Select(item => Masked(key, item?.DeepClone())).ToArray());
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 0:
                return JsonValue.Create(MaskText(key, text));
            default:
                return node;
        }
    }

    [GeneratedRegex(@"(?<name>password)\s*=\s*[^,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Password();
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Iiif.Web.Configuration;

namespace Iiif.Web.Admin;

/// <summary>The effective configuration (every layer merged) as JSON, with secrets masked: keys whose name says they
/// hold one (apiKey, password, secret, token) lose their value, and a Redis connection string keeps everything but its
/// password. Empty secrets stay empty, so an operator can still see that none is set.</summary>
internal static partial class ConfigurationSummary
{
    private static readonly string[] SecretKeyWords = ["apikey", "password", "secret", "token"];

    public static JsonObject Build(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var summary = new JsonObject();
        foreach (var section in configuration.GetChildren().OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            summary[section.Key] = Mask(section.Key, ConfigurationJson.ToNode(section));
        }

        return summary;
    }

    private static JsonNode? Mask(string key, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.ToList())
                {
                    obj[property.Key] = Mask(property.Key, property.Value?.DeepClone());
                }

                return obj;
            case JsonArray array:
                return new JsonArray(array.Select(item => Mask(key, item?.DeepClone())).ToArray());
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 0:
                return JsonValue.Create(MaskText(key, text));
            default:
                return node;
        }
    }

    internal static string MaskText(string key, string value)
    {
        if (SecretKeyWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return AdminApi.Mask;
        }

        // StackExchange.Redis connection strings: "host:6379,password=...,ssl=true".
        return RedisPassword().Replace(value, "${name}=" + AdminApi.Mask);
    }

    [GeneratedRegex("(?<name>password)=[^,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RedisPassword();
}


namespace Iiif.Web.Configuration;

/// <summary>Merges flat configuration layers, later wins, with node-config's rules rather than the plain
/// Microsoft.Extensions.Configuration ones: a list in a later layer replaces the earlier list whole (plain layering
/// would override item 0 and keep items 1..n of the lower list), and a value replaces everything below its key.</summary>
internal static class ConfigurationLayerMerger
{
    public static Dictionary<string, string?> Merge(IEnumerable<IReadOnlyList<KeyValuePair<string, string?>>> layers) =>
        Merge(layers.Select(values => new ConfigurationLayer(string.Empty, values))).Values;

    /// <summary>Merges <paramref name="layers"/> and remembers which layer set each surviving value.</summary>
    public static (Dictionary<string, string?> Values, Dictionary<string, string> Origins) Merge(IEnumerable<ConfigurationLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            var values = layer.Values;
            foreach (var key in values.Select(p => p.Key))
            {
                RemoveBelow(merged, key);
            }

            foreach (var list in ListsIn(values))
            {
                merged.Remove(list);
                RemoveBelow(merged, list);
            }

            foreach (var (key, value) in values)
            {
                merged[key] = value;
                origins[key] = layer.OriginOf(key);
            }
        }

        foreach (var key in origins.Keys.Where(k => !merged.ContainsKey(k)).ToList())
        {
            origins.Remove(key);
        }

        return (merged, origins);
    }

    /// <summary>Parent keys whose children in this layer are all indexes (0, 1, ...): the layer sets a list there.</summary>
    private static IEnumerable<string> ListsIn(IReadOnlyList<KeyValuePair<string, string?>> layer)
    {
        var children = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in layer.Select(p => p.Key))
        {
            var segments = key.Split(ConfigurationPath.KeyDelimiter);
            for (var i = 1; i < segments.Length; i++)
            {
                var parent = string.Join(ConfigurationPath.KeyDelimiter, segments[..i]);
                if (!children.TryGetValue(parent, out var names))
                {
                    children[parent] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(segments[i]);
            }
        }

        return children
            .Where(c => c.Value.Contains("0") && c.Value.All(name => name.All(char.IsAsciiDigit)))
            .Select(c => c.Key);
    }

    private static void RemoveBelow(Dictionary<string, string?> merged, string key)
    {
        var prefix = key + ConfigurationPath.KeyDelimiter;
        foreach (var existing in merged.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            merged.Remove(existing);
        }
    }
}

using System.Reflection;

namespace Iiif.Web.Configuration;

/// <summary>Rejects keys that no option reads. The binder ignores them silently, so a misspelt key (maxWdith) or a
/// key copied from the old server (upsize_factor) would otherwise leave a default in force without a word. Each report
/// names the layer that set the key (an environment variable by its name) and the nearest real key.</summary>
internal static class ConfigurationKeyChecker
{
    /// <summary>Keys read by the host itself or by ASP.NET Core (Kestrel endpoints and certificates, host filtering).</summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        IiifConfigurationSources.EnvironmentKey, IiifConfigurationSources.ConfigDirectoryKey, "kestrel", "allowedHosts", "urls",
    };

    public static IReadOnlyList<string> Check(IEnumerable<KeyValuePair<string, string?>> configuration) => Check(configuration, null);

    /// <param name="configuration">The merged keys.</param>
    /// <param name="origins">Which layer set each key (see <see cref="LayeredConfiguration.Origins"/>), to name it.</param>
    public static IReadOnlyList<string> Check(IEnumerable<KeyValuePair<string, string?>> configuration, IReadOnlyDictionary<string, string>? origins)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration)
        {
            var segments = key.Split(ConfigurationPath.KeyDelimiter);
            if (!HostKeys.Contains(segments[0]) && Problem(segments, value) is var (length, message))
            {
                var origin = origins is not null && origins.TryGetValue(key, out var found) ? found : null;
                failures.TryAdd(string.Join('.', segments.Take(length)), message(origin));
            }
        }

        return failures.Select(f => $"{f.Key}: {f.Value}").ToList();
    }

    /// <summary>The first unusable part of a key (how many segments, and why), or null when an option reads it.</summary>
    private static (int Length, Func<string?, string> Message)? Problem(string[] segments, string? value)
    {
        if (!ConfigurationSections.IsKnown(segments[0]))
        {
            return (1, origin => Unknown(segments.Take(1).ToList(), origin));
        }

        // A free-form section (empty list) accepts any key below it.
        IReadOnlyList<Type> types = ConfigurationSections.TypesOf(segments[0]);
        for (var i = 1; types.Count > 0 && i < segments.Length; i++)
        {
            var property = ConfigurationSchema.Property(types, segments[i]);
            if (property is null)
            {
                var known = segments.Take(i + 1).ToList();
                return (i + 1, origin => Unknown(known, origin));
            }

            types = ConfigurationRules.IsSection(property.PropertyType) ? [property.PropertyType] : [];
            if (ConfigurationRules.IsScalar(property.PropertyType) && i < segments.Length - 1)
            {
                return (i + 1, _ => "is a single value, not a section");
            }
        }

        return types.Count > 0 && !string.IsNullOrEmpty(value)
            ? (segments.Length, _ => $"is a section, not a value; its keys are {KeysOf(types)}")
            : null;
    }

    private static string Unknown(IReadOnlyList<string> segments, string? origin)
    {
        if (LegacyKeys.HintFor(segments) is { } hint)
        {
            return $"unknown key{SetBy(origin)}; {hint}";
        }

        var dotted = string.Join('.', segments);
        var isVariable = origin?.StartsWith("environment variable ", StringComparison.Ordinal) == true;
        var nearest = ConfigurationSchema.Nearest(dotted);
        var suggestion = nearest is null ? string.Empty
            : isVariable ? $"; did you mean {nearest} ({ConfigurationSchema.VariableFor(nearest)})?"
            : $"; did you mean {nearest}?";
        // Every IIIF_* variable is read as a setting: one meant for another tool (an installer's) must use another prefix.
        var note = isVariable ? " (every IIIF_* variable is read as a setting; unset it or rename it)" : " (config/default.yml lists every key)";
        return $"unknown key{SetBy(origin)}{suggestion}{note}";
    }

    private static string SetBy(string? origin) => origin is null ? string.Empty : $", set by {origin}";

    private static string KeysOf(IEnumerable<Type> types) => string.Join(", ", types
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Where(p => p.SetMethod?.IsPublic == true)
        .Select(p => ConfigurationRules.CamelCase(p.Name)));
}

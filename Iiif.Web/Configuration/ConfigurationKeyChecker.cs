using System.Reflection;

namespace Iiif.Web.Configuration;

/// <summary>Rejects keys that no option reads. The binder ignores them silently, so a misspelt key (maxWdith) or a
/// key copied from the old server (upsize_factor) would otherwise leave a default in force without a word.</summary>
internal static class ConfigurationKeyChecker
{
    /// <summary>Keys read by the host itself or by ASP.NET Core (Kestrel endpoints and certificates, host filtering).</summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        IiifConfigurationSources.EnvironmentKey, IiifConfigurationSources.ConfigDirectoryKey, "kestrel", "allowedHosts", "urls",
    };

    public static IReadOnlyList<string> Check(IEnumerable<KeyValuePair<string, string?>> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration)
        {
            var segments = key.Split(ConfigurationPath.KeyDelimiter);
            if (!HostKeys.Contains(segments[0]) && Problem(segments, value) is var (length, message))
            {
                failures.TryAdd(string.Join('.', segments.Take(length)), message);
            }
        }

        return failures.Select(f => $"{f.Key}: {f.Value}").ToList();
    }

    /// <summary>The first unusable part of a key (how many segments, and why), or null when an option reads it.</summary>
    private static (int Length, string Message)? Problem(string[] segments, string? value)
    {
        if (!ConfigurationSections.IsKnown(segments[0]))
        {
            return (1, Unknown(segments));
        }

        // A free-form section (empty list) accepts any key below it.
        IReadOnlyList<Type> types = ConfigurationSections.TypesOf(segments[0]);
        for (var i = 1; types.Count > 0 && i < segments.Length; i++)
        {
            var property = types.Select(t => Configurable(t, segments[i])).FirstOrDefault(p => p is not null);
            if (property is null)
            {
                return (i + 1, Unknown(segments.Take(i + 1).ToList()));
            }

            types = ConfigurationRules.IsSection(property.PropertyType) ? [property.PropertyType] : [];
            if (ConfigurationRules.IsScalar(property.PropertyType) && i < segments.Length - 1)
            {
                return (i + 1, "is a single value, not a section");
            }
        }

        return types.Count > 0 && !string.IsNullOrEmpty(value)
            ? (segments.Length, $"is a section, not a value; its keys are {KeysOf(types)}")
            : null;
    }

    /// <summary>The property a key segment names, if configuration can set it: computed (get-only) properties are not keys.</summary>
    private static PropertyInfo? Configurable(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { SetMethod: not null } property
            ? property
            : null;

    private static string Unknown(IReadOnlyList<string> segments) =>
        LegacyKeys.HintFor(segments) is { } hint ? $"unknown key; {hint}" : "unknown key (see config/default.yml for every key)";

    private static string KeysOf(IEnumerable<Type> types) => string.Join(", ", types
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .Where(p => p.SetMethod?.IsPublic == true)
        .Select(p => ConfigurationRules.CamelCase(p.Name)));
}

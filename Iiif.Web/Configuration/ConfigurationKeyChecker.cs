using System.Reflection;

namespace Iiif.Web.Configuration;

/// <summary>Rejects keys that no option reads. The binder ignores them silently, so a misspelt key (maxWdith) or a
/// key copied from the old server (upsize_factor) would otherwise leave a default in force without a word.</summary>
internal static class ConfigurationKeyChecker
{
    private static readonly Dictionary<string, Type?> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [ServerOptions.SectionName] = typeof(ServerOptions),
        [ImagesOptions.SectionName] = typeof(ImagesOptions),
        [ImagingOptions.SectionName] = typeof(ImagingOptions),
        [LimitsOptions.SectionName] = typeof(LimitsOptions),
        [InfoOptions.SectionName] = typeof(InfoOptions),
        [CacheOptions.SectionName] = typeof(CacheOptions),
        [ProfilesOptions.SectionName] = null,
        [ViewerOptions.SectionName] = typeof(ViewerOptions),
        [MetricsOptions.SectionName] = typeof(MetricsOptions),
        [AdminOptions.SectionName] = typeof(AdminOptions),
        [LoggingOptions.SectionName] = typeof(LoggingOptions),
    };

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
        if (!Sections.TryGetValue(segments[0], out var type))
        {
            return (1, Unknown(segments));
        }

        for (var i = 1; type is not null && i < segments.Length; i++)
        {
            var property = type.GetProperty(segments[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return (i + 1, Unknown(segments.Take(i + 1).ToList()));
            }

            type = ConfigurationRules.IsSection(property.PropertyType) ? property.PropertyType : null;
            if (IsScalar(property.PropertyType) && i < segments.Length - 1)
            {
                return (i + 1, "is a single value, not a section");
            }
        }

        return type is not null && !string.IsNullOrEmpty(value)
            ? (segments.Length, $"is a section, not a value; its keys are {KeysOf(type)}")
            : null;
    }

    private static string Unknown(IReadOnlyList<string> segments) =>
        LegacyKeys.HintFor(segments) is { } hint ? $"unknown key; {hint}" : "unknown key (see config/default.yml for every key)";

    private static bool IsScalar(Type type) => type.IsPrimitive || type == typeof(string) || type == typeof(decimal);

    private static string KeysOf(Type type) => string.Join(", ", type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod?.IsPublic == true)
        .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]));
}

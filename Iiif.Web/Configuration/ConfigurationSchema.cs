using System.Reflection;

namespace Iiif.Web.Configuration;

/// <summary>The keys the option classes read, found by reflection over them: the sections, each key's type, and every
/// key's dotted name for "did you mean" hints. One place, so the key check and /admin/config agree.</summary>
internal static class ConfigurationSchema
{
    /// <summary>Top-level sections and the class that binds each; null for a free map (profiles).</summary>
    public static IReadOnlyDictionary<string, Type?> Sections { get; } = new Dictionary<string, Type?>(StringComparer.OrdinalIgnoreCase)
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
        [AuthOptions.SectionName] = typeof(AuthOptions),
    };

    private static readonly Lazy<IReadOnlyList<string>> AllKeys = new(() => Sections
        .SelectMany(s => s.Value is null ? [s.Key] : KeysBelow(s.Key, s.Value))
        .Order(StringComparer.Ordinal)
        .ToList());

    /// <summary>Every key in dotted form (server.port, cache.redis.configuration), sections not included.</summary>
    public static IReadOnlyList<string> Keys => AllKeys.Value;

    /// <summary>The property a key (colon or dot separated segments) binds to, or null when none does.</summary>
    public static PropertyInfo? PropertyOf(IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count < 2 || !Sections.TryGetValue(segments[0], out var type) || type is null)
        {
            return null;
        }

        PropertyInfo? property = null;
        for (var i = 1; i < segments.Count && type is not null; i++)
        {
            property = Property(type, segments[i]);
            type = property is not null && ConfigurationRules.IsSection(property.PropertyType) ? property.PropertyType : null;
            if (property is null || (type is null && i < segments.Count - 1))
            {
                return i == segments.Count - 1 ? property : null;
            }
        }

        return property;
    }

    public static PropertyInfo? Property(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
    }

    /// <summary>The known key closest to a mistyped dotted key: by the whole key, else by its last segment
    /// (a top-level <c>port</c> finds <c>server.port</c>); null when none is close.</summary>
    public static string? Nearest(string dottedKey)
    {
        ArgumentNullException.ThrowIfNull(dottedKey);
        if (NearestName.Find(dottedKey, Keys) is { } whole)
        {
            return whole;
        }

        var last = dottedKey[(dottedKey.LastIndexOf('.') + 1)..];
        var byLast = Keys.ToLookup(k => k[(k.LastIndexOf('.') + 1)..], StringComparer.OrdinalIgnoreCase);
        return NearestName.Find(last, byLast.Select(g => g.Key)) is { } segment ? byLast[segment].First() : null;
    }

    /// <summary>The environment variable that sets a dotted key (server.port -> IIIF_SERVER__PORT).</summary>
    public static string VariableFor(string dottedKey) =>
        IiifConfigurationSources.EnvironmentVariablePrefix + dottedKey.Replace(".", "__", StringComparison.Ordinal).ToUpperInvariant();

    private static IEnumerable<string> KeysBelow(string prefix, Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .SelectMany(p =>
            {
                var key = prefix + "." + char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
                return ConfigurationRules.IsSection(p.PropertyType) ? KeysBelow(key, p.PropertyType) : [key];
            });
}

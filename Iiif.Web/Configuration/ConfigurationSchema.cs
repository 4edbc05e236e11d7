using System.Reflection;

namespace Iiif.Web.Configuration;

/// <summary>The keys the option classes read, found by reflection over the classes each section binds to
/// (<see cref="ConfigurationSections"/>): each key's type, and every key's dotted name for "did you mean" hints. One
/// place, so the key check and /admin/config agree.</summary>
internal static class ConfigurationSchema
{
    private static readonly Lazy<IReadOnlyList<string>> AllKeys = new(() => ConfigurationSections.All
        .SelectMany(s => KeysBelow(s.Name, s.Options))
        .Concat(ConfigurationSections.FreeForm)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList());

    /// <summary>Every key in dotted form (server.port, cache.redis.configuration), sections not included.</summary>
    public static IReadOnlyList<string> Keys => AllKeys.Value;

    /// <summary>The property a key (colon or dot separated segments) binds to, or null when none does.</summary>
    public static PropertyInfo? PropertyOf(IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        IReadOnlyList<Type> types = segments.Count < 2 ? [] : ConfigurationSections.TypesOf(segments[0]);
        PropertyInfo? property = null;
        for (var i = 1; i < segments.Count && types.Count > 0; i++)
        {
            property = Property(types, segments[i]);
            types = property is not null && ConfigurationRules.IsSection(property.PropertyType) ? [property.PropertyType] : [];
            if (property is null || (types.Count == 0 && i < segments.Count - 1))
            {
                return i == segments.Count - 1 ? property : null;
            }
        }

        return property;
    }

    /// <summary>The property <paramref name="name"/> names in any of <paramref name="types"/> (the classes bound to one
    /// section), if configuration can set it: computed (get-only) properties are not keys.</summary>
    public static PropertyInfo? Property(IEnumerable<Type> types, string name)
    {
        ArgumentNullException.ThrowIfNull(types);
        return types
            .Select(t => t.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase))
            .FirstOrDefault(p => p?.SetMethod is not null);
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
                var key = prefix + "." + ConfigurationRules.CamelCase(p.Name);
                return ConfigurationRules.IsSection(p.PropertyType) ? KeysBelow(key, p.PropertyType) : [key];
            });
}

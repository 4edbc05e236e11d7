using System.Net;

namespace Iiif.Web.Configuration;

/// <summary>Value checks shared by the section validators.</summary>
internal static class ConfigurationRules
{
    public static bool IsAddressOrNetwork(string value) =>
        IPAddress.TryParse(value, out _) || IPNetwork.TryParse(value, out _);

    /// <summary>The entries of a list that are neither an IP address nor a CIDR network.</summary>
    public static IEnumerable<string> InvalidAddresses(IEnumerable<string> values) =>
        values.Where(v => !IsAddressOrNetwork(v.Trim()));

    public static bool IsAbsoluteHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsEmptyOrAbsoluteHttpUri(string value) => value.Length == 0 || IsAbsoluteHttpUri(value);

    public static bool IsOneOf(string value, IEnumerable<string> allowed) =>
        allowed.Contains(value, StringComparer.OrdinalIgnoreCase);

    public static string Quoted(IEnumerable<string> values) => string.Join(", ", values);

    /// <summary>Nested options classes (cache.info, cache.warm, ...) live beside the sections in this namespace.</summary>
    public static bool IsSection(Type type) =>
        type.IsClass && type.Namespace == typeof(ConfigurationRules).Namespace && type.Name.EndsWith("Options", StringComparison.Ordinal);
}

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

    /// <summary>Options classes of this server (the host's and the libraries'), which bind as nested sections
    /// (cache.info, cache.warm, ...) rather than as values.</summary>
    public static bool IsSection(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Iiif.", StringComparison.Ordinal) == true
        && type.Name.EndsWith("Options", StringComparison.Ordinal);

    /// <summary>A type configured by one value: numbers, strings, booleans and enums, nullable or not.</summary>
    public static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);
    }

    /// <summary>The names an enum accepts as they are written in configuration (camelCase).</summary>
    public static IReadOnlyList<string> EnumNames(Type type) =>
        Enum.GetNames(Nullable.GetUnderlyingType(type) ?? type).Select(CamelCase).ToList();

    /// <summary>The failure for a value that names no member of <paramref name="enumType"/>.</summary>
    public static string EnumMessage(Type enumType) => $"must be one of {Quoted(EnumNames(enumType))}";

    /// <summary>A property name as configuration keys spell it.</summary>
    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>server</c> section that need more than one attribute.</summary>
internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(ServerOptions.SectionName);
        var urls = ListenUrls.Split(options.Urls);
        failures.AddIf(urls.Count == 0, "urls", "must name at least one URL, e.g. http://localhost:3001");
        foreach (var url in urls.Where(u => !ListenUrls.HasHttpScheme(u)))
        {
            failures.Add("urls", $"'{url}' must start with http:// or https://");
        }

        failures.AddIf(!IsValidPrefix(options.Prefix), "prefix",
            "may hold only letters, digits, '-', '_', '.' and '~' in segments separated by '/'");
        failures.AddIf(!IsValidBaseUri(options.BaseUri), "baseUri",
            "must be empty or an absolute http(s) URL without query or fragment, e.g. https://images.example.org");
        foreach (var proxy in ConfigurationRules.InvalidAddresses(options.TrustedProxies))
        {
            failures.Add("trustedProxies", $"'{proxy}' is neither an IP address nor a CIDR network (10.0.0.0/8)");
        }

        foreach (var host in options.AllowedHosts.Where(h => !IsValidHostPattern(h.Trim())))
        {
            failures.Add("allowedHosts", $"'{host}' is not a host name (images.example.org), a wildcard (*.example.org) or an IP address");
        }

        failures.AddIf(!IsValidCors(options.Cors), "cors", "must be \"*\", one origin such as https://example.org, or empty");
        return failures.ToResult();
    }

    internal static bool IsValidPrefix(string prefix) =>
        prefix.Length == 0 || prefix.Split('/').All(segment => segment.Length > 0 && segment.All(IsUnreservedCharacter));

    // RFC 3986 unreserved characters: safe in a path segment without percent-encoding.
    private static bool IsUnreservedCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';

    private static bool IsValidBaseUri(string value) =>
        value.Length == 0 || (ConfigurationRules.IsAbsoluteHttpUri(value) && value.IndexOfAny(['?', '#']) < 0);

    /// <summary>What ASP.NET's host filtering matches: a host name or IP without scheme, port or path, optionally "*." first.</summary>
    internal static bool IsValidHostPattern(string value)
    {
        var host = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        return host.Length > 0
            && (Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4
                || (host.StartsWith('[') && host.EndsWith(']') && Uri.CheckHostName(host[1..^1]) == UriHostNameType.IPv6));
    }

    private static bool IsValidCors(string value) =>
        value is "" or "*" || (ConfigurationRules.IsAbsoluteHttpUri(value) && new Uri(value).PathAndQuery == "/" && !value.EndsWith('/'));
}

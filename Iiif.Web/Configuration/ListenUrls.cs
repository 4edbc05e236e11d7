using System.Globalization;

namespace Iiif.Web.Configuration;

/// <summary>The URLs Kestrel listens on: <c>server.urls</c>, with every port replaced by <c>server.port</c>
/// (the --port switch) when that is set. Kestrel's forms such as http://*:3001 and http://[::1]:3001 are kept as text,
/// since System.Uri rejects the wildcard hosts.</summary>
internal static class ListenUrls
{
    public static string Resolve(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var urls = Split(options.Urls);
        return string.Join(';', options.Port > 0 ? urls.Select(u => WithPort(u, options.Port)) : urls);
    }

    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool HasHttpScheme(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static string WithPort(string url, int port)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }

        var authorityStart = schemeEnd + 3;
        var pathStart = url.IndexOf('/', authorityStart);
        pathStart = pathStart < 0 ? url.Length : pathStart;
        var authority = url[authorityStart..pathStart];
        var colon = authority.LastIndexOf(':');
        var host = colon > authority.LastIndexOf(']') ? authority[..colon] : authority;
        return $"{url[..authorityStart]}{host}:{port.ToString(CultureInfo.InvariantCulture)}{url[pathStart..]}";
    }
}

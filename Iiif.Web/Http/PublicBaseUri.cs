using System.Globalization;
using Iiif.Core.Requests;
using Iiif.Web.Configuration;

namespace Iiif.Web.Http;

/// <summary>The URLs clients use to reach this server, for ids in info.json and Link headers (https://iiif.io/api/image/3.0/#2-uri-syntax):
/// <c>server.baseUri</c> when configured, else built from the request, whose scheme, host and path base the forwarded
/// headers of a trusted proxy have already set (X-Forwarded-Proto, X-Forwarded-Host, X-Forwarded-Prefix).</summary>
internal static class PublicBaseUri
{
    /// <summary>The server root, without a trailing slash: https://images.example.org or https://example.org/images.</summary>
    public static string Root(HttpRequest request, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return options.BaseUri.Length > 0
            ? options.BaseUri
            : string.Concat(request.Scheme, "://", request.Host.ToUriComponent(), request.PathBase.ToUriComponent());
    }

    /// <summary>The base of one API version's services: {root}/{prefix}/{2|3}, to which "/{identifier}" is appended.</summary>
    public static string Service(HttpRequest request, ServerOptions options, ApiVersion version)
    {
        var root = Root(request, options);
        var number = (version == ApiVersion.V2 ? 2 : 3).ToString(CultureInfo.InvariantCulture);
        return options.Prefix.Length > 0 ? $"{root}/{options.Prefix}/{number}" : $"{root}/{number}";
    }
}

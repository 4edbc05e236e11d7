using Microsoft.AspNetCore.Http.Features;

namespace Iiif.Web.Http;

/// <summary>The request target as the client sent it (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding): Kestrel's decoded Path would blur <c>%2F</c> and
/// '/', so identifiers are read from this.</summary>
internal static class RawRequestTarget
{
    /// <summary>The raw path without the query. Absolute-form targets (proxies) and test servers fall back to the
    /// path, which keeps <c>%2F</c> encoded.</summary>
    public static string PathOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            raw = context.Request.Path.Value ?? "/";
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? raw[..query] : raw;
    }
}

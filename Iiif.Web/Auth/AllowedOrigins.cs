using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Auth;

/// <summary>The origins whose pages may receive access tokens (auth.allowedOrigins): the server's own origin always,
/// the listed ones, or any when "*" is listed (https://iiif.io/api/auth/2.0/#43-access-token-service-response: the
/// server MAY use the origin for further authorization logic).</summary>
internal sealed class AllowedOrigins(IOptions<AuthOptions> auth, IOptions<ServerOptions> server)
{
    private readonly HashSet<string> _origins = auth.Value.AllowedOrigins.Where(o => o != "*").ToHashSet(StringComparer.OrdinalIgnoreCase);
    private readonly bool _any = auth.Value.AllowedOrigins.Contains("*");
    private readonly ServerOptions _server = server.Value;

    /// <summary>True when pages of other sites may show restricted images, so the cookie must be SameSite=None; Secure.</summary>
    public bool AllowsOtherSites => _any || _origins.Count > 0;

    public bool IsAllowed(string origin, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AuthOptionsValidator.IsOrigin(origin)
            && (_any || _origins.Contains(origin) || string.Equals(origin, Own(request), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The origin of the server's public root (server.baseUri, else the request's scheme and host).</summary>
    public string Own(HttpRequest request) => new Uri(PublicBaseUri.Root(request, _server)).GetLeftPart(UriPartial.Authority);
}

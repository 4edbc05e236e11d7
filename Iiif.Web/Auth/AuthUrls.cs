using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Iiif.Web.Http;

namespace Iiif.Web.Auth;

/// <summary>Where the auth services live, below the public root the client used (so ids work behind a proxy and
/// under a path base): <c>/auth/probe/{2|3}/{identifier}</c>, <c>/auth/login/{policy}</c>, <c>/auth/terms/{policy}</c>,
/// <c>/auth/token/{policy}</c> and <c>/auth/logout</c>.</summary>
internal static class AuthUrls
{
    public const string Base = "/auth";
    public const string ProbePath = Base + "/probe/";

    public static string Probe(string root, ApiVersion version, string identifier) =>
        string.Concat(root, ProbePath, version == ApiVersion.V2 ? "2/" : "3/", IdentifierEncoder.Encode(identifier));

    /// <summary>The page of an active policy: the login form or the terms.</summary>
    public static string Access(string root, AccessPolicy policy) =>
        string.Concat(root, Base, policy.Kind == PolicyKind.Terms ? "/terms/" : "/login/", policy.Name);

    public static string Token(string root, AccessPolicy policy) => string.Concat(root, Base, "/token/", policy.Name);

    public static string Logout(string root) => root + Base + "/logout";

    /// <summary>The image service of <paramref name="identifier"/> (its base URI, as info.json's id).</summary>
    public static string ImageService(HttpRequest request, ServerOptions server, ApiVersion version, string identifier) =>
        PublicBaseUri.Service(request, server, version) + "/" + IdentifierEncoder.Encode(identifier);
}

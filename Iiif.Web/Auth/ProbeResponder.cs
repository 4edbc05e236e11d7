using System.Text.Json.Nodes;
using Iiif.Core.Auth;
using Iiif.Core.Identifiers;
using Iiif.Core.Requests;
using Iiif.Imaging.Sources;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Iiif.Web.Auth;

/// <summary>The probe service (https://iiif.io/api/auth/2.0/#probe-service): tells a client which status an image
/// request would get, from the Bearer token the token service issued (or the aspect the probe request itself carries:
/// the address, or the cookie of a same-origin client), and offers the degraded version as the substitute.</summary>
internal sealed class ProbeResponder(AccessRules rules, AccessGate gate, AccessTokens tokens, IImageSource source, IOptions<ServerOptions> server)
{
    private readonly ServerOptions _server = server.Value;

    public async Task<JsonObject> ProbeAsync(HttpContext context, ApiVersion version, ImageIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await source.ResolveAsync(identifier, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return AuthDocuments.ProbeResult(StatusCodes.Status404NotFound);
        }

        var policy = rules.TryDegraded(identifier.Value, out _, out _) ? AccessPolicy.Open : rules.PolicyFor(identifier.Value);
        var state = policy.IsRestricted ? await StateAsync(context, policy).ConfigureAwait(false) : AspectState.Granted;
        if (state == AspectState.Granted)
        {
            return AuthDocuments.ProbeResult(StatusCodes.Status200OK);
        }

        var substitute = policy.Degraded is { } degraded
            ? new[] { Substitute(context.Request, version, identifier.Value + rules.DegradedSuffix, degraded.Label) }
            : null;
        var status = state == AspectState.Missing ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        return AuthDocuments.ProbeResult(status, substitute, heading: policy.Texts.DeniedHeading, note: policy.Texts.DeniedNote);
    }

    private async Task<AspectState> StateAsync(HttpContext context, AccessPolicy policy)
    {
        // https://iiif.io/api/auth/2.0/#51-probe-service-request: "Authorization: Bearer {token}".
        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && tokens.Validate(header["Bearer ".Length..].Trim(), policy) == TokenState.Valid)
        {
            return AspectState.Granted;
        }

        return await gate.EvaluateAsync(policy, context).ConfigureAwait(false);
    }

    // https://iiif.io/api/auth/2.0/#substitute: type SHOULD be that of the access-controlled resource, an image service.
    private JsonObject Substitute(HttpRequest request, ApiVersion version, string identifier, LanguageMap label) => new()
    {
        ["id"] = AuthUrls.ImageService(request, _server, version, identifier),
        ["type"] = version == ApiVersion.V2 ? "ImageService2" : "ImageService3",
        ["profile"] = version == ApiVersion.V2 ? "http://iiif.io/api/image/2/level2.json" : "level2",
        ["label"] = label.ToJson(),
    };
}

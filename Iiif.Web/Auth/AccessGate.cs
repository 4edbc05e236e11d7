using Iiif.Core.Errors;
using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Iiif.Web.Auth;

/// <summary>The one check of restricted images, made by the IIIF endpoint right after the parse, before the source,
/// the 304 check or any cache tier is asked (a cached tile is never served to someone who may not see it): open
/// identifiers and degraded aliases ({id}{auth.degradedSuffix}, resolved by <see cref="DegradedImageSource"/>) pass, a restricted one needs
/// the aspect of its policy (the access cookie, or the client address). The answer is null (serve it) or the 401/403
/// to send. With no auth.rules it is one branch.</summary>
internal sealed class AccessGate(
    AccessRules rules, AuthSessions sessions, AuthMetrics metrics, IOptions<ServerOptions> server, ILogger<AccessGate> logger)
{
    /// <summary>Restricted images may be kept by the browser but must be revalidated (so after logout the gate decides
    /// again), and never by a shared cache.</summary>
    public const string CachePrivate = "private, no-cache";

    private readonly ServerOptions _server = server.Value;

    /// <summary>Null when the request may have images of <paramref name="identifier"/>, else the error to answer with.</summary>
    public async ValueTask<IiifError?> AuthorizeAsync(string identifier, ApiVersion version, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!rules.IsEnabled || rules.TryDegraded(identifier, out _, out _))
        {
            return null;
        }

        var policy = rules.PolicyFor(identifier);
        if (!policy.IsRestricted)
        {
            return null;
        }

        var (state, reason) = await DecideAsync(policy, context).ConfigureAwait(false);
        if (state == AspectState.Granted)
        {
            context.Response.OnStarting(MarkPrivate, context);
            return null;
        }

        var status = state == AspectState.Missing ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        metrics.CountRefused(policy.Name, status, reason);
        Log.AuthRefused(logger, identifier, policy.Name, status, reason);
        // RFC 9110 §11.6.1: a 401 carries a challenge; this one names the probe that explains how to get access.
        var probe = AuthUrls.Probe(PublicBaseUri.Root(context.Request, _server), version, identifier);
        context.Response.Headers[HeaderNames.WWWAuthenticate] = $"IIIF-Auth2 probe=\"{probe}\"";
        return status == StatusCodes.Status401Unauthorized
            ? new IiifError(IiifErrorKind.Unauthorized, null, "This image is restricted: " + policy.Texts.Note.Text())
            : new IiifError(IiifErrorKind.Forbidden, null, "This image is restricted and your login does not give access to it.");
    }

    /// <summary>Whether the request's cookie or address satisfies <paramref name="policy"/>.</summary>
    public async ValueTask<AspectState> EvaluateAsync(AccessPolicy policy, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(context);
        if (policy.Kind is PolicyKind.Open or PolicyKind.Network)
        {
            return AuthClaims.Evaluate(policy, null, context.Connection.RemoteIpAddress);
        }

        var session = await sessions.ReadAsync(context).ConfigureAwait(false);
        return AuthClaims.Evaluate(policy, session.User, context.Connection.RemoteIpAddress);
    }

    /// <summary>The aspect state and, when access is refused, why (a label of the refusal metric and log line).</summary>
    private async ValueTask<(AspectState State, string Reason)> DecideAsync(AccessPolicy policy, HttpContext context)
    {
        if (policy.Kind == PolicyKind.Network)
        {
            return (AuthClaims.Evaluate(policy, null, context.Connection.RemoteIpAddress), "address");
        }

        var session = await sessions.ReadAsync(context).ConfigureAwait(false);
        var state = AuthClaims.Evaluate(policy, session.User, context.Connection.RemoteIpAddress);
        return (state, session.State switch
        {
            CookieState.None => "no-cookie",
            CookieState.Expired => "expired",
            CookieState.Invalid => "invalid",
            _ => state == AspectState.Missing ? "no-aspect" : "not-permitted",
        });
    }

    private static Task MarkPrivate(object state)
    {
        var response = ((HttpContext)state).Response;
        if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
        {
            response.Headers.CacheControl = CachePrivate;
        }

        return Task.CompletedTask;
    }
}

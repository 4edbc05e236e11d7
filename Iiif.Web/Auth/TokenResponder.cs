using System.Text.Json.Nodes;
using Iiif.Core.Auth;

namespace Iiif.Web.Auth;

/// <summary>The access token service (https://iiif.io/api/auth/2.0/#access-token-service): the message the token page
/// posts to the requesting origin, a token when the request carries the policy's aspect, else the error saying
/// which aspect is missing, invalid or expired.</summary>
internal sealed class TokenResponder(AccessGate gate, AuthSessions sessions, AccessTokens tokens, AllowedOrigins origins, AuthMetrics metrics)
{
    private static readonly LanguageMap SessionExpired = LanguageMap.English("Your session has expired; please log in again.");
    private static readonly LanguageMap SessionInvalid = LanguageMap.English("Your session is not valid here; please log in again.");

    public async Task<JsonObject> RespondAsync(HttpContext context, AccessPolicy policy, string messageId, string origin)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        if (!origins.IsAllowed(origin, context.Request))
        {
            var refusal = LanguageMap.English("This server does not give access tokens to pages of " + origin + ".");
            return Error(policy, AccessTokenErrorProfile.InvalidOrigin, messageId, refusal);
        }

        if (policy.Kind == PolicyKind.Network)
        {
            return await gate.EvaluateAsync(policy, context).ConfigureAwait(false) == AspectState.Granted
                ? Token(policy, messageId, null, null)
                : Error(policy, AccessTokenErrorProfile.MissingAspect, messageId, policy.Texts.Note);
        }

        var session = await sessions.ReadAsync(context).ConfigureAwait(false);
        return session.State switch
        {
            CookieState.None => Error(policy, AccessTokenErrorProfile.MissingAspect, messageId, policy.Texts.Note),
            CookieState.Expired => Error(policy, AccessTokenErrorProfile.ExpiredAspect, messageId, SessionExpired),
            CookieState.Invalid => Error(policy, AccessTokenErrorProfile.InvalidAspect, messageId, SessionInvalid),
            _ => AuthClaims.Evaluate(policy, session.User, context.Connection.RemoteIpAddress) switch
            {
                AspectState.Granted => Token(policy, messageId, AuthClaims.SessionOf(session.User), session.Expires),
                AspectState.Missing => Error(policy, AccessTokenErrorProfile.MissingAspect, messageId, policy.Texts.Note),
                _ => Error(policy, AccessTokenErrorProfile.InvalidAspect, messageId, LanguageMap.English("Your login does not give access to these images.")),
            },
        };
    }

    /// <summary>The message for a request without a usable messageId or origin.</summary>
    public static JsonObject InvalidRequest(string messageId) =>
        AuthDocuments.AccessTokenError(AccessTokenErrorProfile.InvalidRequest, messageId, LanguageMap.English("Invalid request"),
            LanguageMap.English("The token service needs the messageId and origin parameters."));

    private JsonObject Token(AccessPolicy policy, string messageId, string? session, DateTimeOffset? sessionEnds)
    {
        var (token, expiresIn) = tokens.Issue(policy, session, sessionEnds);
        metrics.CountToken(policy.Name, "issued");
        return AuthDocuments.AccessToken(messageId, token, expiresIn);
    }

    private JsonObject Error(AccessPolicy policy, AccessTokenErrorProfile profile, string messageId, LanguageMap note)
    {
        metrics.CountToken(policy.Name, AuthVocabulary.Name(profile));
        return AuthDocuments.AccessTokenError(profile, messageId, policy.Texts.DeniedHeading, note);
    }
}

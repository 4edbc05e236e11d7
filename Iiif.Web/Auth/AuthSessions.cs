using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Auth;

/// <summary>What the access cookie of a request says.</summary>
internal enum CookieState
{
    None,
    Valid,
    Expired,

    /// <summary>Tampered with, signed by an unknown key, or of a session ended by logout.</summary>
    Invalid,
}

/// <summary>A read cookie: its state and, when valid, the user and when it ends.</summary>
internal readonly record struct CookieSession(CookieState State, ClaimsPrincipal? User, DateTimeOffset? Expires)
{
    public static CookieSession None => new(CookieState.None, null, null);
}

/// <summary>The access cookie (ASP.NET Core cookie authentication, protected by the shared Data Protection keys):
/// read once per request, signed in by the login and terms pages, signed out by logout. A viewer sends the same cookie
/// with every tile, so valid cookies are remembered by their exact value until they expire (expiry and logout are still
/// checked on every use) instead of being decrypted for each tile.</summary>
internal sealed class AuthSessions(IOptionsMonitor<CookieAuthenticationOptions> cookies, RevokedSessions revoked, TimeProvider time)
{
    public const string Scheme = "iiif-auth";
    private const int MaxRemembered = 10_000;
    private static readonly object ItemKey = new();
    private readonly ConcurrentDictionary<string, CookieSession> _valid = new(StringComparer.Ordinal);

    public async Task<CookieSession> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var known) && known is CookieSession cached)
        {
            return cached;
        }

        var session = await AuthenticateAsync(context).ConfigureAwait(false);
        context.Items[ItemKey] = session;
        return session;
    }

    /// <summary>Adds <paramref name="claims"/> to the request's session (a new one when it has none): claims of the same
    /// types are replaced, others kept, so accepting terms does not log a user out and a new login keeps accepted terms.
    /// A login starts a new session id, so tokens issued before it (perhaps to another user) stay with the old one.</summary>
    public async Task SignInAsync(HttpContext context, IReadOnlyCollection<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(claims);
        var current = await ReadAsync(context).ConfigureAwait(false);
        var replaced = claims.Select(c => c.Type).ToHashSet(StringComparer.Ordinal);
        if (replaced.Contains(ClaimTypes.Name))
        {
            replaced.Add(AuthClaims.Session);
        }

        List<Claim> kept = current.State == CookieState.Valid
            ? [.. current.User!.Claims.Where(c => !replaced.Contains(c.Type) || c.Type == AuthClaims.AcceptedTerms)]
            : [];
        if (!kept.Exists(c => c.Type == AuthClaims.Session))
        {
            kept.Add(new Claim(AuthClaims.Session, NewSessionId()));
        }

        var identity = new ClaimsIdentity([.. kept, .. claims.Where(c => !kept.Exists(k => k.Type == c.Type && k.Value == c.Value))], Scheme);
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties
        {
            IsPersistent = true,
            IssuedUtc = now,
            ExpiresUtc = now + cookies.Get(Scheme).ExpireTimeSpan,
        };
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity), properties).ConfigureAwait(false);
        context.Items[ItemKey] = new CookieSession(CookieState.Valid, new ClaimsPrincipal(identity), properties.ExpiresUtc);
    }

    /// <summary>Deletes the cookie and revokes its session, so copies of it and its tokens stop working too.</summary>
    public async Task SignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = await ReadAsync(context).ConfigureAwait(false);
        if (AuthClaims.SessionOf(current.User) is { } session)
        {
            revoked.Revoke(session, current.Expires ?? time.GetUtcNow() + cookies.Get(Scheme).ExpireTimeSpan);
        }

        await context.SignOutAsync(Scheme).ConfigureAwait(false);
        context.Items[ItemKey] = CookieSession.None;
    }

    private async Task<CookieSession> AuthenticateAsync(HttpContext context)
    {
        var options = cookies.Get(Scheme);
        var raw = options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
        if (string.IsNullOrEmpty(raw))
        {
            return CookieSession.None;
        }

        if (_valid.TryGetValue(raw, out var known) && known.Expires > time.GetUtcNow())
        {
            return Checked(known);
        }

        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (result.Succeeded)
        {
            var session = new CookieSession(CookieState.Valid, result.Principal, result.Properties.ExpiresUtc);
            if (session.Expires is not null)
            {
                if (_valid.Count >= MaxRemembered)
                {
                    _valid.Clear();
                }

                _valid[raw] = session;
            }

            return Checked(session);
        }

        // The handler says only "failed": a ticket that still decrypts was refused for its age
        // (https://iiif.io/api/auth/2.0/#access-token-error-format tells expiredAspect from invalidAspect).
        var ticket = options.TicketDataFormat.Unprotect(raw);
        return ticket?.Properties.ExpiresUtc is { } expires && expires <= time.GetUtcNow()
            ? new CookieSession(CookieState.Expired, null, expires)
            : new CookieSession(CookieState.Invalid, null, null);
    }

    private CookieSession Checked(CookieSession session) =>
        revoked.IsRevoked(AuthClaims.SessionOf(session.User)) ? new CookieSession(CookieState.Invalid, null, null) : session;

    private static string NewSessionId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

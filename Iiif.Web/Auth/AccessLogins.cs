using System.Security.Claims;
using Iiif.Web.Admin;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Auth;

/// <summary>What the access service pages do: log a user in (accounts file, or the user name a trusted reverse proxy
/// sends in the policy's userHeader) and record accepted terms, both as claims of the access cookie.</summary>
internal sealed class AccessLogins(
    AccountStore accounts, AuthSessions sessions, AuthMetrics metrics, IOptions<ServerOptions> server, ILogger<AccessLogins> logger)
{
    private static readonly char[] GroupSeparators = [';', ','];
    private readonly IpAllowList _proxies = new(server.Value.TrustedProxies);

    public AuthLoginModel LoginModel(HttpContext context, AccessPolicy policy, string? origin, string? error)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(context);
        var (texts, languages) = (policy.Texts, ReaderLanguages.Of(context.Request));
        return new AuthLoginModel(policy.Name, texts.Heading.Text(languages), texts.Note.Text(languages), texts.ConfirmLabel.Text(languages), origin, policy.UserHeader is not null,
            ProxyUser(context, policy), error);
    }

    /// <summary>Logs the user in for <paramref name="policy"/>; null on success, else the sentence to show.</summary>
    public async Task<string?> LoginAsync(HttpContext context, AccessPolicy policy, string? user, string? password)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        IReadOnlyList<Claim> claims;
        if (policy.UserHeader is not null)
        {
            var proxyUser = ProxyUser(context, policy);
            if (proxyUser is null)
            {
                return "No user name came from the login system in front of this server; reload this page to log in there.";
            }

            var groups = policy.GroupsHeader is null ? [] : context.Request.Headers[policy.GroupsHeader].ToString()
                .Split(GroupSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            (user, claims) = (proxyUser, [.. AuthClaims.Login(proxyUser, AuthClaims.ProxySource, groups)]);
        }
        else
        {
            var account = string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password) ? null : accounts.Verify(user, password);
            if (account is null)
            {
                Log.AuthLoginFailed(logger, user ?? string.Empty, policy.Name);
                metrics.CountLogin(policy.Name, success: false);
                return "Unknown user name or wrong password.";
            }

            (user, claims) = (account.Name, [.. AuthClaims.Login(account.Name, AuthClaims.AccountsSource, account.Groups)]);
        }

        if (AuthClaims.Evaluate(policy, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSessions.Scheme)), null) != AspectState.Granted)
        {
            Log.AuthLoginFailed(logger, user, policy.Name);
            metrics.CountLogin(policy.Name, success: false);
            return $"You are {user}, but your account does not give access to these images.";
        }

        await sessions.SignInAsync(context, claims).ConfigureAwait(false);
        Log.AuthLogin(logger, user, policy.Name);
        metrics.CountLogin(policy.Name, success: true);
        return null;
    }

    public async Task AcceptTermsAsync(HttpContext context, AccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        await sessions.SignInAsync(context, [new Claim(AuthClaims.AcceptedTerms, policy.Name)]).ConfigureAwait(false);
        Log.AuthTermsAccepted(logger, policy.Name);
    }

    /// <summary>The user name in the policy's header, believed only from a peer in server.trustedProxies: anyone else
    /// could send the header themselves.</summary>
    private string? ProxyUser(HttpContext context, AccessPolicy policy)
    {
        if (policy.UserHeader is null || context.Request.Headers[policy.UserHeader].ToString().Trim() is not { Length: > 0 } user)
        {
            return null;
        }

        var peer = PeerAddress.Of(context);
        if (!_proxies.Contains(peer))
        {
            Log.AuthProxyHeaderIgnored(logger, policy.UserHeader, peer?.ToString());
            return null;
        }

        return user;
    }
}

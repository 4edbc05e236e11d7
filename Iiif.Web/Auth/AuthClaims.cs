using System.Net;
using System.Security.Claims;

namespace Iiif.Web.Auth;

/// <summary>Whether a request presents the aspect a policy asks for
/// (https://iiif.io/api/auth/2.0/#terminology, "authorizing aspect").</summary>
internal enum AspectState
{
    /// <summary>Access is granted.</summary>
    Granted,

    /// <summary>No aspect at all: not logged in, terms not accepted, outside the address ranges.</summary>
    Missing,

    /// <summary>An aspect, but not one this policy accepts (a user outside the required groups).</summary>
    Invalid,
}

/// <summary>The claims of the access cookie and the one place that decides whether they (or the client address)
/// satisfy a policy.</summary>
internal static class AuthClaims
{
    /// <summary>Random id of the cookie session; tokens are bound to it and logout revokes it.</summary>
    public const string Session = "iiif:sid";

    /// <summary>How the user logged in: <see cref="AccountsSource"/> or <see cref="ProxySource"/>.</summary>
    public const string LoginSource = "iiif:login";

    public const string Group = "iiif:group";

    /// <summary>One per policy whose terms the user accepted.</summary>
    public const string AcceptedTerms = "iiif:terms";

    public const string AccountsSource = "accounts";
    public const string ProxySource = "proxy";

    public static AspectState Evaluate(AccessPolicy policy, ClaimsPrincipal? user, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Kind switch
        {
            PolicyKind.Open => AspectState.Granted,
            PolicyKind.Network => policy.Ranges!.Contains(client) ? AspectState.Granted : AspectState.Missing,
            PolicyKind.Terms => user?.HasClaim(AcceptedTerms, policy.Name) == true ? AspectState.Granted : AspectState.Missing,
            _ => Login(policy, user),
        };
    }

    public static string? SessionOf(ClaimsPrincipal? user) => user?.FindFirst(Session)?.Value;

    /// <summary>The claims of a login: name, source and groups (which replace those of an earlier login).</summary>
    public static IEnumerable<Claim> Login(string user, string source, IEnumerable<string> groups) =>
        [new Claim(ClaimTypes.Name, user), new Claim(LoginSource, source), .. groups.Distinct(StringComparer.Ordinal).Select(g => new Claim(Group, g))];

    private static AspectState Login(AccessPolicy policy, ClaimsPrincipal? user)
    {
        var source = user?.FindFirst(LoginSource)?.Value;
        if (source is null)
        {
            return AspectState.Missing;
        }

        var expected = policy.UserHeader is null ? AccountsSource : ProxySource;
        if (!string.Equals(source, expected, StringComparison.Ordinal))
        {
            return AspectState.Invalid;
        }

        return policy.Groups.Count == 0 || user!.FindAll(Group).Any(g => policy.Groups.Contains(g.Value)) ? AspectState.Granted : AspectState.Invalid;
    }
}

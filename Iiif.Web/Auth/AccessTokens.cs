using System.Globalization;
using System.Security.Cryptography;
using Iiif.Web.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Auth;

/// <summary>How an access token sent to the probe stands.</summary>
internal enum TokenState
{
    Valid,
    Expired,

    /// <summary>Not one of ours, for another policy, or of a session ended by logout.</summary>
    Invalid,
}

/// <summary>Access tokens (https://iiif.io/api/auth/2.0/#access-token-message-format): opaque strings, encrypted and
/// signed with the shared Data Protection keys under their own purpose (so no token can be turned into a cookie),
/// naming the policy, the cookie session they were issued for and when they end: at most auth.tokenLifetime, never
/// after the cookie. Any instance sharing the keys accepts them.</summary>
internal sealed class AccessTokens(IDataProtectionProvider protection, IOptions<AuthOptions> options, RevokedSessions revoked, TimeProvider time)
{
    private const string Version = "1";
    private readonly IDataProtector _protector = protection.CreateProtector("Iiif.Web.Auth.AccessToken.v1");
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.TokenLifetime);

    /// <summary>A token for <paramref name="policy"/>; <paramref name="session"/> and <paramref name="sessionEnds"/> come
    /// from the cookie (null for an address-range policy, which has none). Returns the token and its lifetime in seconds.</summary>
    public (string Token, int ExpiresIn) Issue(AccessPolicy policy, string? session, DateTimeOffset? sessionEnds)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var now = time.GetUtcNow();
        var ends = now + _lifetime;
        if (sessionEnds is { } cookieEnds && cookieEnds < ends)
        {
            ends = cookieEnds;
        }

        var payload = string.Join('\n', Version, policy.Name, session ?? string.Empty,
            ends.UtcTicks.ToString(CultureInfo.InvariantCulture), Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        var token = WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes(payload)));
        return (token, Math.Max(1, (int)Math.Floor((ends - now).TotalSeconds)));
    }

    public TokenState Validate(string? token, AccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return TokenState.Invalid;
        }

        string[] parts;
        try
        {
            parts = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return TokenState.Invalid;
        }

        if (parts.Length != 5 || parts[0] != Version || !string.Equals(parts[1], policy.Name, StringComparison.OrdinalIgnoreCase)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || (parts[2].Length > 0 && revoked.IsRevoked(parts[2])))
        {
            return TokenState.Invalid;
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero) <= time.GetUtcNow() ? TokenState.Expired : TokenState.Valid;
    }
}

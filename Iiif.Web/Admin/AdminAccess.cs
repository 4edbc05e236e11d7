using System.Security.Cryptography;
using System.Text;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Admin;

/// <summary>Decides whether a request may use the admin endpoints: <c>admin.apiKey</c> must be set, the client address
/// (after X-Forwarded-For from trusted proxies) must be in <c>admin.allowedIps</c>, and, for the endpoints themselves,
/// the X-Api-Key header must equal the key. The address is checked first, so a stranger learns nothing about the key.</summary>
internal sealed class AdminAccess
{
    private readonly byte[] _keyHash;
    private readonly bool _enabled;
    private readonly IpAllowList _allowList;

    public AdminAccess(IOptions<AdminOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _enabled = options.Value.IsEnabled;
        _keyHash = Hash(options.Value.ApiKey);
        _allowList = new IpAllowList(options.Value.AllowedIps);
    }

    public bool IsEnabled => _enabled;

    public AdminAccessDecision Decide(HttpContext context, bool requireKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_enabled)
        {
            return AdminAccessDecision.Disabled;
        }

        if (!_allowList.Contains(context.Connection.RemoteIpAddress))
        {
            return AdminAccessDecision.Forbidden;
        }

        return !requireKey || IsKey(context.Request.Headers[AdminApi.ApiKeyHeader]) ? AdminAccessDecision.Allowed : AdminAccessDecision.Unauthorized;
    }

    /// <summary>Compares hashes in constant time: the time taken reveals neither how many leading characters matched
    /// nor the key's length.</summary>
    private bool IsKey(Microsoft.Extensions.Primitives.StringValues header) =>
        header.Count == 1 && header[0] is { Length: > 0 } sent && CryptographicOperations.FixedTimeEquals(Hash(sent), _keyHash);

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

using System.Net;
using Iiif.Web.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace Iiif.Web.Http;

/// <summary>Believes X-Forwarded-For/Proto/Host/Prefix only from <c>server.trustedProxies</c>, and X-Forwarded-Host only
/// for a host in <c>server.allowedHosts</c> (when set). X-Forwarded-Prefix becomes Request.PathBase, so a server
/// published under https://example.org/images/ builds its ids from it.</summary>
internal static class ForwardedHeadersSetup
{
    public static void Apply(ForwardedHeadersOptions options, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(server);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
        // The middleware walks the X-Forwarded-For chain from the right and stops at the first untrusted hop, so
        // no count limit is needed beyond the trust list.
        options.ForwardLimit = null;
        options.AllowedHosts = [.. server.AllowedHosts.Select(h => h.Trim())];
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in server.TrustedProxies.Select(p => p.Trim()))
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
        }

        // With both lists empty the middleware would check no address at all and believe everyone; an empty
        // trustedProxies means the opposite, so the headers are ignored instead.
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
        }
    }
}

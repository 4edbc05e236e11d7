using System.Net;

namespace Iiif.Web.Auth;

/// <summary>The address of the connection's other end, recorded before the forwarded-headers middleware replaces
/// RemoteIpAddress with the client's: a header a proxy sets for its users (auth userHeader) is believed only when
/// that proxy itself sent the request.</summary>
internal sealed class PeerAddress(IPAddress? address)
{
    public IPAddress? Address { get; } = address;

    /// <summary>The recorded peer, else the connection's address (no forwarded headers in play).</summary>
    public static IPAddress? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<PeerAddress>()?.Address ?? context.Connection.RemoteIpAddress;
    }

    /// <summary>Runs first in the pipeline, before UseForwardedHeaders, when some policy reads a proxy's user header.</summary>
    internal sealed class StartupFilter(IConfiguration configuration) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Raw configuration, not options: reading options here would validate them before start-up reports errors.
            var policies = configuration.GetSection(Configuration.AuthOptions.SectionName + ":policies").GetChildren();
            if (policies.Any(p => !string.IsNullOrEmpty(p["userHeader"])))
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Features.Set(new PeerAddress(context.Connection.RemoteIpAddress));
                    return nextMiddleware(context);
                });
            }

            next(app);
        };
    }
}

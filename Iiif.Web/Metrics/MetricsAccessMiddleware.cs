using System.Text;
using Iiif.Web.Admin;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Metrics;

/// <summary>Serves the metrics endpoint only to <c>metrics.allowedIps</c>. It runs after routing and looks at the endpoint
/// routing chose, not at the path: /metrics/, /METRICS and /Metrics reach the same endpoint, so a path rule (such as
/// nginx's <c>location = /metrics</c>) would miss them.</summary>
internal sealed class MetricsAccessMiddleware(RequestDelegate next, IOptions<MetricsOptions> options)
{
    private static readonly byte[] Refusal = Encoding.UTF8.GetBytes("Metrics are served only to the addresses in metrics.allowedIps.\n");

    private readonly IpAllowList _allowed = new(options.Value.AllowedIps);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<MetricsEndpointMarker>() is null
            || _allowed.Contains(context.Connection.RemoteIpAddress))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = IiifHeaders.PlainText;
        context.Response.ContentLength = Refusal.Length;
        await context.Response.Body.WriteAsync(Refusal, context.RequestAborted).ConfigureAwait(false);
    }
}

using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Metrics;

/// <summary>Counts each finished request by route and status, and the bytes of its body. Runs inside the request-log
/// middleware so the IIIF controller's route label (info, image, redirect) is known when the request ends.</summary>
internal sealed class MetricsMiddleware(RequestDelegate next, IiifMetrics metrics, IOptions<ServerOptions> server)
{
    private readonly string _prefix = server.Value.Prefix.Trim('/');

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failed = false;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            // Content-Length is set on every IIIF image and info.json response; HEAD sends none of those bytes.
            var bytes = HttpMethods.IsHead(context.Request.Method) ? null : context.Response.ContentLength;
            metrics.CountRequest(MetricsRoutes.Classify(context, _prefix), status, bytes);
        }
    }
}

using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Http;

/// <summary>Adds <c>Access-Control-Allow-Origin</c> (server.cors, never the caller's Origin) and
/// <c>Access-Control-Expose-Headers: Link</c> to every response under the IIIF prefix: successes, errors, 304s,
/// preflights and the framework's own 404/405 (https://iiif.io/api/image/3.0/#71-cors). Set when the response starts, so it survives the
/// exception handler clearing the headers.</summary>
internal sealed class IiifCorsMiddleware(RequestDelegate next, IOptions<ServerOptions> options)
{
    private readonly string _origin = options.Value.Cors;
    private readonly PathString _prefix = options.Value.Prefix.Length > 0 ? "/" + options.Value.Prefix : PathString.Empty;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_origin.Length > 0 && (!_prefix.HasValue || context.Request.Path.StartsWithSegments(_prefix, StringComparison.Ordinal)))
        {
            context.Response.OnStarting(AddHeaders, context);
        }

        return next(context);
    }

    private Task AddHeaders(object state)
    {
        var headers = ((HttpContext)state).Response.Headers;
        headers.AccessControlAllowOrigin = _origin;
        headers.AccessControlExposeHeaders = "Link";
        return Task.CompletedTask;
    }
}

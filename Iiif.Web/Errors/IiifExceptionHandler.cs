using System.Text;
using Iiif.Imaging.Sources;
using Iiif.Web.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace Iiif.Web.Errors;

/// <summary>The one place unexpected exceptions end: a 500 with a plain sentence and no internals,
/// logged once with the exception. A request the client aborted gets no body and an Information line.</summary>
internal sealed class IiifExceptionHandler(ILogger<IiifExceptionHandler> logger) : IExceptionHandler
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("The server could not complete the request.\n");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var url = httpContext.Request.Path.ToUriComponent();
        if (exception is OperationCanceledException or IOException && httpContext.RequestAborted.IsCancellationRequested)
        {
            Log.ClientDisconnected(logger, url);
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        if (exception is SourceUnavailableException upstream)
        {
            // Logged where it happened, with the rule's name; the client gets the status and a short reason.
            await WriteAsync(httpContext, UpstreamFailures.StatusOf(upstream.Failure), UpstreamFailures.ReasonOf(upstream.Failure), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }

        Log.UnhandledException(logger, exception, url);
        await WriteAsync(httpContext, StatusCodes.Status500InternalServerError, Body, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task WriteAsync(HttpContext httpContext, int status, byte[] body, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = IiifHeaders.PlainText;
        httpContext.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await httpContext.Response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }
}

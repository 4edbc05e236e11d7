using Iiif.Core.Requests;
using Iiif.Web.Http;

namespace Iiif.Web.Pipeline;

/// <summary>The one writer of IIIF responses: an <see cref="IiifOutcome"/> with the headers of
/// https://iiif.io/api/image/3.0/#5-responses (CORS is added for every response by <see cref="IiifCorsMiddleware"/>).
/// HEAD gets the same status and headers, Content-Length included, and no body.</summary>
internal static class IiifResponseWriter
{
    public static async Task WriteAsync(HttpContext http, IiifOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(outcome);
        var response = http.Response;
        var withBody = !HttpMethods.IsHead(http.Request.Method);
        switch (outcome)
        {
            case IiifOutcome.Image image:
                using (image.Body)
                {
                    WriteImageHeaders(response, image);
                    if (withBody)
                    {
                        await http.RequestServices.GetRequiredService<ResponseBodyWriter>().WriteAsync(http, image.Body).ConfigureAwait(false);
                    }
                }

                break;
            case IiifOutcome.Info info:
                WriteInfoHeaders(response, info);
                if (withBody)
                {
                    await response.Body.WriteAsync(info.Body, http.RequestAborted).ConfigureAwait(false);
                }

                break;
            case IiifOutcome.Failure failure:
                await WriteFailureAsync(response, failure, withBody, http.RequestAborted).ConfigureAwait(false);
                break;
            case IiifOutcome.Redirect redirect:
                response.StatusCode = StatusCodes.Status303SeeOther;
                response.Headers.Location = redirect.Location;
                response.Headers.CacheControl = IiifHeaders.CachePublic;
                break;
            case IiifOutcome.NotModified notModified:
                response.StatusCode = StatusCodes.Status304NotModified;
                WriteValidators(response, notModified.Validators, notModified.VaryAccept);
                break;
            case IiifOutcome.Preflight preflight:
                response.StatusCode = StatusCodes.Status204NoContent;
                response.Headers.AccessControlAllowMethods = IiifHeaders.AllowedMethods;
                if (preflight.AllowedHeaders is { } allowed)
                {
                    response.Headers.AccessControlAllowHeaders = allowed;
                }

                response.Headers.AccessControlMaxAge = IiifHeaders.PreflightMaxAge;
                break;
            case IiifOutcome.MethodNotAllowed:
                response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                response.Headers.Allow = IiifHeaders.AllowedMethods;
                break;
            case IiifOutcome.Aborted:
                response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                break;
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}.");
        }
    }

    private static void WriteImageHeaders(HttpResponse response, IiifOutcome.Image image)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ImageFormats.MediaType(image.Format);
        response.ContentLength = image.Body.Length;
        response.Headers.Link = image.Link;
        response.Headers.ContentDisposition = image.ContentDisposition;
        WriteValidators(response, image.Validators, varyAccept: false);
    }


    private static void WriteInfoHeaders(HttpResponse response, IiifOutcome.Info info)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = info.ContentType;
        response.ContentLength = info.Body.Length;
        if (info.ProfileLink is not null)
        {
            response.Headers.Link = info.ProfileLink;
        }

        WriteValidators(response, info.Validators, varyAccept: true);
    }

    private static void WriteValidators(HttpResponse response, CacheValidators validators, bool varyAccept)
    {
        response.Headers.CacheControl = IiifHeaders.CachePublic;
        validators.Apply(response.Headers);
        if (varyAccept)
        {
            response.Headers.Vary = "Accept";
        }
    }

    // https://iiif.io/api/image/3.0/#7-error-conditions: a short sentence as plain text, never a path or a stack trace
    // (messages are built to hold neither). Client errors are not stored; a 503 says when to try again.
    private static async Task WriteFailureAsync(HttpResponse response, IiifOutcome.Failure failure, bool withBody, CancellationToken cancellationToken)
    {
        var status = failure.Error.StatusCode;
        response.StatusCode = status;
        if (status < StatusCodes.Status500InternalServerError)
        {
            response.Headers.CacheControl = IiifHeaders.CacheNoStore;
        }

        if (failure.Error.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = IiifHeaders.Seconds((int)Math.Ceiling(retryAfter.TotalSeconds));
        }

        var body = System.Text.Encoding.UTF8.GetBytes(failure.Error.ToString() + "\n");
        response.ContentType = IiifHeaders.PlainText;
        response.ContentLength = body.Length;
        if (withBody)
        {
            await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }
}

using Iiif.Core.Requests;
using Iiif.Web.Http;
using Iiif.Web.Logging;
using Iiif.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;

namespace Iiif.Web.Controllers;

/// <summary>Every request under <c>/{prefix}/</c>: Image API 3.0 under <c>/3/</c>, 2.1 under <c>/2/</c>, the default
/// version without a version segment. One catch-all action (mapped by <see cref="IiifEndpointExtensions.MapIiif"/>), so
/// the framework never 404s a IIIF-shaped path and the raw target decides everything.</summary>
internal sealed class IiifImageController : ControllerBase
{
    private readonly IiifTargetReader _targets;
    private readonly InfoRequestHandler _info;
    private readonly ImageRequestHandler _images;

    public IiifImageController(IiifTargetReader targets, InfoRequestHandler info, ImageRequestHandler images)
    {
        _targets = targets;
        _info = info;
        _images = images;
    }

    [AcceptVerbs("GET", "HEAD")]
    public async Task<IActionResult> Handle()
    {
        var target = _targets.Read(HttpContext);
        if (!target.IsSuccess)
        {
            return new IiifOutcomeResult(IiifOutcome.From(target.Error));
        }

        var cancellationToken = HttpContext.RequestAborted;
        switch (target.Value.Path.Kind)
        {
            case IiifPathKind.Info:
                HttpContext.SetLogRoute(LogValues.Info);
                return new IiifOutcomeResult(await _info.HandleAsync(target.Value, HttpContext, cancellationToken));
            case IiifPathKind.Image:
                HttpContext.SetLogRoute(LogValues.Image);
                return new IiifOutcomeResult(await _images.HandleAsync(target.Value, HttpContext, cancellationToken));
            default:
                HttpContext.SetLogRoute(LogValues.Redirect);
                return new IiifOutcomeResult(new IiifOutcome.Redirect(target.Value.BaseUri + "/info.json"));
        }
    }

    /// <summary>CORS preflight (digest §5.3): 204; the Allow-Origin header comes from the CORS middleware.</summary>
    [AcceptVerbs("OPTIONS")]
    [ActionName(nameof(Handle))]
    public IActionResult Preflight()
    {
        var headers = Response.Headers;
        headers.AccessControlAllowMethods = IiifHeaders.AllowedMethods;
        if (IiifHeaders.AllowedHeaders(Request.Headers.AccessControlRequestHeaders) is { } allowed)
        {
            headers.AccessControlAllowHeaders = allowed;
        }

        headers.AccessControlMaxAge = IiifHeaders.PreflightMaxAge;
        return NoContent();
    }
}

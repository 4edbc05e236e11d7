using Iiif.Caching.Derivatives;
using Iiif.Imaging.Sources;
using Iiif.Web.Auth;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Iiif.Web.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>Answers a repeated image request straight from the memory tier, before routing and MVC: the target must
/// have been answered before (same raw target, same public root), its source must still have the same version (one
/// stat through the source), and the derivative must still be in memory. Anything else falls through to the
/// controller, which does the full work and teaches this cache. Headers, 304s, CORS and logging are the same as the
/// controller's, since both write through <see cref="IiifOutcomeResult.WriteAsync"/>.</summary>
internal sealed class HotImageMiddleware(
    RequestDelegate next, HotResponses hot, IImageSource source, IDerivativeCache derivatives, AccessGate access, IOptions<ServerOptions> server)
{
    private readonly ServerOptions _server = server.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? await TryAnswerAsync(context).ConfigureAwait(false)
            : null;
        if (outcome is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.SetLogRoute(LogValues.Image);
        context.SetLogResult(LogValues.Image);
        await IiifOutcomeResult.WriteAsync(context, outcome).ConfigureAwait(false);
    }

    private async Task<IiifOutcome?> TryAnswerAsync(HttpContext context)
    {
        if (HotResponses.TargetOf(context) is not { } target)
        {
            return null;
        }

        var root = PublicBaseUri.Root(context.Request, _server);
        // Restricted images always take the full path, which checks access before any cache tier.
        if (!hot.TryGet(target, root, out var entry) || access.IsRestricted(entry.Identifier.Value))
        {
            return null;
        }

        var handle = await source.ResolveAsync(entry.Identifier, context.RequestAborted).ConfigureAwait(false);
        if (handle is null || handle.Version != entry.Source)
        {
            hot.Forget(target, root);
            return null;
        }

        if (entry.Validators.IsNotModified(context.Request))
        {
            return new IiifOutcome.NotModified(entry.Validators, VaryAccept: false);
        }

        if (derivatives.TryGetFromMemory(entry.Key) is not { } derivative)
        {
            return null;
        }

        context.SetLogCache(LogValues.Image, LogValues.Hit, CacheTierNames.Memory);
        return new IiifOutcome.Image(derivative, entry.Format, entry.Link, entry.ContentDisposition, entry.Validators);
    }
}

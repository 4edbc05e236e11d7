using Iiif.Caching.Derivatives;
using Iiif.Core.Errors;
using Iiif.Web.Admin;
using Iiif.Web.Auth;
using Iiif.Web.Http;
using Iiif.Web.Logging;

namespace Iiif.Web.Pipeline;

/// <summary>Answers image requests: the <see cref="ImagePipeline"/> checks everything before any pixel is decoded, a
/// matching conditional request gets 304, then the derivative comes from a cache tier or is rendered once. A hit costs
/// no image work and gets the same headers as a render (digest §5).</summary>
internal sealed class ImageRequestHandler(
    ImagePipeline pipeline,
    ProfileTails profiles,
    AdminAccess admin,
    RenderGate gate,
    HotResponses hot,
    AccessGate access,
    ILogger<ImageRequestHandler> logger)
{
    /// <summary>Query switch for administrators: <c>?recache=true</c> with a valid admin key re-renders and overwrites.</summary>
    public const string RecacheQuery = "recache";

    public async Task<IiifOutcome> HandleAsync(IiifTarget target, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        // https://iiif.io/api/auth/2.0/: restricted images are checked before any cache tier is asked.
        if (await access.AuthorizeAsync(target.Path.Identifier.Value, target.Version, context).ConfigureAwait(false) is { } refused)
        {
            return IiifOutcome.From(refused);
        }

        var prepared = await pipeline.PrepareAsync(target.Version, target.Path, cancellationToken).ConfigureAwait(false);
        if (!prepared.IsSuccess)
        {
            return IiifOutcome.From(prepared.Error);
        }

        var image = prepared.Value!;
        var validators = ImagePipeline.ValidatorsFor(image);
        if (validators.IsNotModified(context.Request))
        {
            return new IiifOutcome.NotModified(validators, VaryAccept: false);
        }

        var metadata = ImagePipeline.MetadataFor(image, validators, profiles.Contains(target.Path));
        Result<CachedDerivative> fetched;
        var mode = ModeFor(context);
        try
        {
            fetched = await pipeline.FetchAsync(image, metadata, mode, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ClientDisconnected(logger, image.Identifier);
            return new IiifOutcome.Aborted();
        }

        if (!fetched.IsSuccess)
        {
            var retryAfter = fetched.Error.Kind == IiifErrorKind.ServiceUnavailable ? gate.RetryAfterSeconds : (int?)null;
            return new IiifOutcome.Failure(fetched.Error, retryAfter);
        }

        var derivative = fetched.Value!;
        LogCache(context, image, derivative.Tier);
        context.SetLogResult(LogValues.Image);
        var link = IiifHeaders.ImageLink(target.BaseUri + "/" + image.CanonicalTail, target.Version);
        var disposition = IiifHeaders.ContentDisposition(target.Path, image.Plan.Format);
        if (mode == DerivativeCacheMode.Normal && derivative.File is null && !access.IsRestricted(image.Identifier) && HotResponses.TargetOf(context) is { } raw)
        {
            hot.Remember(raw, target.Root, new HotResponse(
                image.Handle.Identifier, image.Handle.Version, image.Key, image.Plan.Format, link, disposition, validators));
        }

        return new IiifOutcome.Image(derivative, image.Plan.Format, link, disposition, validators);
    }

    // The old server's log keys: cache=image, found=hit|miss, op=write for a fresh render; img names the canonical request.
    private void LogCache(HttpContext context, PreparedImage image, CacheTier tier)
    {
        var img = image.Identifier + "/" + image.CanonicalTail;
        var hit = tier != CacheTier.Rendered;
        Log.CacheLookup(logger, LogValues.Image, hit ? LogValues.Hit : LogValues.Miss, img);
        if (!hit)
        {
            Log.CacheStore(logger, LogValues.Image, LogValues.Write, img);
        }

        context.SetLogCache(LogValues.Image, hit ? LogValues.Hit : LogValues.Miss, CacheTierNames.Of(tier));
    }

    private DerivativeCacheMode ModeFor(HttpContext context) =>
        context.Request.Query.TryGetValue(RecacheQuery, out var value) && value.Count == 1
        && string.Equals(value[0], "true", StringComparison.OrdinalIgnoreCase)
        && admin.Decide(context, requireKey: true) == AdminAccessDecision.Allowed
            ? DerivativeCacheMode.Refresh
            : DerivativeCacheMode.Normal;
}

using Iiif.Caching.Derivatives;
using Iiif.Core.Requests;
using Iiif.Imaging.Sources;
using Iiif.Web.Admin;
using Iiif.Web.Auth;
using Iiif.Web.Http;
using Iiif.Web.Logging;

namespace Iiif.Web.Pipeline;

/// <summary>The IIIF Image API over HTTP: every request under <c>/{prefix}/</c> (3.0 under <c>/3/</c>, 2.1 under
/// <c>/2/</c>, the default version without a version segment) takes this one path: read the raw target (parsed once
/// per path, <see cref="IiifTargetReader"/>), resolve, plan an image (identify and plan through
/// <see cref="ImagePipeline"/>), one conditional-request check, then info.json or the derivative from the cache tiers
/// or a render, one set of log labels and one writer. An image of a restricted identifier is checked against its access
/// policy right after the parse, before anything is resolved, planned, validated or looked up in a cache
/// (https://iiif.io/api/auth/2.0/: info.json stays public).</summary>
internal sealed class IiifEndpoint(
    IiifTargetReader targets,
    ImagePipeline pipeline,
    InfoDocumentFactory documents,
    AccessGate access,
    AdminAccess admin,
    ILogger<IiifEndpoint> logger)
{
    /// <summary>Query switch for administrators: <c>?recache=true</c> with a valid admin key re-renders and overwrites.</summary>
    public const string RecacheQuery = "recache";

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        IiifPathKind? kind = null;
        IiifOutcome outcome;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            var target = targets.Read(context, out kind);
            outcome = target.IsSuccess ? await AnswerAsync(context, target.Value).ConfigureAwait(false) : new IiifOutcome.Failure(target.Error);
        }
        else
        {
            outcome = HttpMethods.IsOptions(method)
                ? new IiifOutcome.Preflight(IiifHeaders.AllowedHeaders(context.Request.Headers.AccessControlRequestHeaders))
                : new IiifOutcome.MethodNotAllowed();
        }

        IiifLogLabels.Request(context, kind, outcome);
        await IiifResponseWriter.WriteAsync(context, outcome).ConfigureAwait(false);
    }

    private async Task<IiifOutcome> AnswerAsync(HttpContext context, IiifTarget target)
    {
        if (target.Kind == IiifPathKind.Base)
        {
            return new IiifOutcome.Redirect(target.BaseUri + "/info.json");
        }

        var identifier = target.Parsed.Path.Identifier;
        var cancellationToken = context.RequestAborted;
        try
        {
            // The one access check: a 304 or a cached tile is never given to someone who may not see the image.
            if (target.Parsed.Image is not null
                && await access.AuthorizeAsync(identifier.Value, target.Version, context).ConfigureAwait(false) is { } refused)
            {
                return new IiifOutcome.Failure(refused);
            }

            var handle = await pipeline.ResolveAsync(identifier, cancellationToken).ConfigureAwait(false);
            if (handle is null)
            {
                return new IiifOutcome.Failure(ImagePipeline.UnknownIdentifier);
            }

            PreparedImage? image = null;
            string? mediaType = null;
            CacheValidators validators;
            if (target.Parsed.Image is { } request)
            {
                var prepared = await pipeline.PlanAsync(request, handle, cancellationToken).ConfigureAwait(false);
                if (!prepared.IsSuccess)
                {
                    return new IiifOutcome.Failure(prepared.Error);
                }

                image = prepared.Value;
                validators = image.Planned.Validators;
            }
            else
            {
                mediaType = InfoContentNegotiation.Choose(target.Version, context.Request.Headers.Accept);
                validators = InfoValidators(target, handle, mediaType);
            }

            // The one conditional-request check (RFC 9110 §13.1.1): for info.json before the source is identified, for
            // an image once its canonical form is known (equivalent URLs share one ETag), always before any pixel work.
            if (validators.IsNotModified(context.Request))
            {
                return new IiifOutcome.NotModified(validators, VaryAccept: image is null);
            }

            return image is null
                ? await InfoAsync(target, handle, mediaType!, validators, cancellationToken).ConfigureAwait(false)
                : await ImageAsync(context, target, target.Parsed.Image!, image, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ClientDisconnected(logger, identifier.Value);
            return new IiifOutcome.Aborted();
        }
    }

    // https://iiif.io/api/image/3.0/#51-image-information-request: the document depends on the API version, the media
    // type negotiated and the base URI (its id), so all three are part of its validators.
    private static CacheValidators InfoValidators(IiifTarget target, ImageSourceHandle handle, string mediaType) =>
        CacheValidators.From(handle.Version, "info", handle.Identifier.Value, target.Version == ApiVersion.V2 ? "2" : "3", mediaType,
            target.BaseUri);

    private async Task<IiifOutcome> InfoAsync(
        IiifTarget target, ImageSourceHandle handle, string mediaType, CacheValidators validators, CancellationToken cancellationToken)
    {
        var info = await pipeline.IdentifyAsync(handle, cancellationToken).ConfigureAwait(false);
        if (!info.IsSuccess)
        {
            return new IiifOutcome.Failure(info.Error);
        }

        Log.RequestValidated(logger, LogValues.Info, true);
        var body = documents.Build(target.Version, info.Value, target.BaseUri, handle, target.Root);
        var profile = target.Version == ApiVersion.V3 ? Core.Info.IiifProfiles.ProfileLinkHeader(ApiVersion.V3) : null;
        return new IiifOutcome.Info(body, mediaType, validators, profile);
    }

    private async Task<IiifOutcome> ImageAsync(
        HttpContext context, IiifTarget target, ImageTarget request, PreparedImage image, CancellationToken cancellationToken)
    {
        var fetched = await pipeline.FetchAsync(image, ModeFor(context), cancellationToken).ConfigureAwait(false);
        if (!fetched.IsSuccess)
        {
            return new IiifOutcome.Failure(fetched.Error);
        }

        var derivative = fetched.Value;
        IiifLogLabels.Cache(context, logger, image, derivative.Tier);
        var planned = image.Planned;
        var link = IiifHeaders.ImageLink(target.BaseUri + "/" + planned.CanonicalTail, target.Version);
        return new IiifOutcome.Image(derivative, planned.Plan.Format, link, request.ContentDisposition, planned.Validators);
    }

    private DerivativeCacheMode ModeFor(HttpContext context) =>
        context.Request.QueryString.HasValue
        && context.Request.Query.TryGetValue(RecacheQuery, out var value) && value.Count == 1
        && string.Equals(value[0], "true", StringComparison.OrdinalIgnoreCase)
        && admin.Decide(context, requireKey: true) == AdminAccessDecision.Allowed
            ? DerivativeCacheMode.Refresh
            : DerivativeCacheMode.Normal;
}

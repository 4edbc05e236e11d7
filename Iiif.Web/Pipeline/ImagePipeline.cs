using System.Globalization;
using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Core.Errors;
using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Sources;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Iiif.Web.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>The steps of an image or info request without HTTP, each written once for the IIIF endpoint, warming and the
/// command line: parse (400 before any I/O), resolve (404), identify through the info cache, plan (400/501 before any
/// pixel is decoded), then fetch the derivative from the cache tiers or render it once under the <see cref="RenderGate"/>.
/// Every failure comes back as an <see cref="IiifError"/>, a declined render as a 503 with its Retry-After.</summary>
internal sealed class ImagePipeline(
    IImageSource source,
    IImageRenderer renderer,
    IEncoderCatalog encoders,
    IInfoCache infos,
    IDerivativeCache derivatives,
    RenderGate gate,
    DeclineLog declines,
    RenderSettings settings,
    IOptions<LimitsOptions> limits,
    ILogger<ImagePipeline> logger) : IImagePipeline
{
    private static readonly IiifError Unreadable = new(IiifErrorKind.InternalError, null, "The image could not be read.");
    private readonly ServerLimits _limits = limits.Value.ToServerLimits();

    public static IiifError UnknownIdentifier { get; } = IiifError.NotFound("No image has this identifier.");

    /// <summary>The image request a parsed path states, or the 400 its parameters deserve; checks no file.</summary>
    public Result<ImageTarget> ParseImage(ApiVersion version, IiifPath path, bool isProfile)
    {
        ArgumentNullException.ThrowIfNull(path);
        var request = ImageRequestParser.Parse(version, path);
        Log.RequestValidated(logger, LogValues.Params, request.IsSuccess);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        return encoders.IsAvailable(request.Value.Format)
            ? new ImageTarget(path, request.Value, isProfile)
            : IiifError.BadRequest("format", $"{ImageFormats.Extension(request.Value.Format)} output is not offered by this server.");
    }

    public ValueTask<ImageSourceHandle?> ResolveAsync(ImageIdentifier identifier, CancellationToken cancellationToken) =>
        source.ResolveAsync(identifier, cancellationToken);

    /// <summary>The source's facts from the info cache (keyed by identifier and source version), read on a miss.</summary>
    public async Task<Result<ImageInfo>> IdentifyAsync(ImageSourceHandle handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        try
        {
            return await infos.GetOrAddAsync(
                handle.Identifier.Value, handle.Version, async ct =>
                {
                    // A remote source's header ranges are fetched here, asynchronously, so Identify only reads the cache.
                    await renderer.PrepareAsync(handle, null, ct).ConfigureAwait(false);
                    return renderer.Identify(handle, ct);
                }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (SourceDecodeException e)
        {
            return DecodeFailure(handle.Identifier.Value, e);
        }
    }

    /// <summary>Identifies the source and plans <paramref name="target"/> against it. The plan is kept on the target and
    /// reused while the source has the same version: the facts it was planned from are those of that version (the info
    /// cache is keyed the same way), so a repeat neither identifies nor plans.</summary>
    public ValueTask<Result<PreparedImage>> PlanAsync(ImageTarget target, ImageSourceHandle handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(handle);
        return target.LastPlan is { } last && last.Source == handle.Version
            ? ValueTask.FromResult(Result<PreparedImage>.Ok(new PreparedImage(handle, last)))
            : new ValueTask<Result<PreparedImage>>(IdentifyAndPlanAsync(target, handle, cancellationToken));
    }

    private async Task<Result<PreparedImage>> IdentifyAndPlanAsync(ImageTarget target, ImageSourceHandle handle, CancellationToken cancellationToken)
    {
        var info = await IdentifyAsync(handle, cancellationToken).ConfigureAwait(false);
        if (!info.IsSuccess)
        {
            return info.Error;
        }

        var plan = RenderPlanner.Plan(target.Request, info.Value, _limits);
        Log.RequestValidated(logger, LogValues.Info, plan.IsSuccess);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        var planned = Planned(target, handle, plan.Value);
        target.LastPlan = planned;
        return new PreparedImage(handle, planned);
    }

    /// <summary>The derivative from the first cache tier that has it, else rendered once for every concurrent request of
    /// the same key; a 503 with Retry-After when the gate declines the render. Cancellation by the caller propagates as
    /// <see cref="OperationCanceledException"/>.</summary>
    public async ValueTask<Result<CachedDerivative>> FetchAsync(PreparedImage image, DerivativeCacheMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (mode == DerivativeCacheMode.Normal && renderer.ServesStoredBytes(image.Handle, image.Planned.Plan))
        {
            mode = DerivativeCacheMode.MemoryOnly;
        }

        try
        {
            var planned = image.Planned;
            var derivative = await derivatives.GetOrRenderAsync(
                planned.Key, planned.Metadata, (stream, ct) => RenderAsync(image, stream, ct), mode, cancellationToken).ConfigureAwait(false);
            if (derivative is null)
            {
                declines.Declined(logger, image.Identifier);
                return IiifError.Unavailable(
                    string.Create(CultureInfo.InvariantCulture, $"The server is too busy to render this now; try again in {gate.RetryAfter.TotalSeconds:0} s."),
                    gate.RetryAfter);
            }

            return derivative;
        }
        catch (SourceDecodeException e)
        {
            return DecodeFailure(image.Identifier, e);
        }
    }

    public async Task<Result<ImageInfo>> GetInfoAsync(string identifier, CancellationToken cancellationToken)
    {
        var parsed = ImageIdentifierParser.FromDecoded(identifier);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var handle = await ResolveAsync(parsed.Value, cancellationToken).ConfigureAwait(false);
        return handle is null ? UnknownIdentifier : await IdentifyAsync(handle, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<CachedDerivative>> GetImageAsync(
        ApiVersion version, string identifier, string tail, bool isProfile, DerivativeCacheMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tail);
        var path = IiifPathParser.Parse("/" + IdentifierEncoder.Encode(identifier) + (tail.StartsWith('/') ? tail : "/" + tail));
        if (!path.IsSuccess || path.Value.Kind != IiifPathKind.Image)
        {
            return path.IsSuccess ? IiifError.BadRequest(null, "The tail must be /region/size/rotation/quality.format.") : path.Error;
        }

        var target = ParseImage(version, path.Value, isProfile);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        var handle = await ResolveAsync(path.Value.Identifier, cancellationToken).ConfigureAwait(false);
        if (handle is null)
        {
            return UnknownIdentifier;
        }

        var prepared = await PlanAsync(target.Value, handle, cancellationToken).ConfigureAwait(false);
        return prepared.IsSuccess ? await FetchAsync(prepared.Value, mode, cancellationToken).ConfigureAwait(false) : prepared.Error;
    }

    // The cache key holds the canonical request (equivalent URLs share one entry), the API version and the encoder
    // settings; the ETag is derived from the same parts, so it changes exactly when the bytes can.
    private PlannedImage Planned(ImageTarget target, ImageSourceHandle handle, RenderPlan plan)
    {
        var canonicalTail = CanonicalImageRequest.Format(plan);
        var versionDigit = target.Request.Version == ApiVersion.V2 ? "2" : "3";
        var identifier = handle.Identifier.Value;
        var key = new DerivativeKey(identifier, handle.Version, versionDigit + "/" + canonicalTail + "|" + settings.Fingerprint);
        var validators = CacheValidators.From(handle.Version, "image", identifier, key.Request);
        var metadata = new DerivativeMetadata(ImageFormats.MediaType(plan.Format), validators.ETag, target.IsProfile);
        return new PlannedImage(handle.Version, plan, canonicalTail, key, validators, metadata);
    }

    private async Task<RenderOutcome> RenderAsync(PreparedImage image, Stream output, CancellationToken cancellationToken)
    {
        // A remote source's ranges are fetched before a render slot is taken: a slow upstream never holds one.
        await renderer.PrepareAsync(image.Handle, image.Planned.Plan, cancellationToken).ConfigureAwait(false);
        using var slot = await gate.TryEnterAsync(cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            return RenderOutcome.Declined;
        }

        await renderer.RenderAsync(image.Handle, image.Planned.Plan, output, cancellationToken).ConfigureAwait(false);
        return RenderOutcome.Written;
    }

    /// <summary>A corrupt source is the server's fault (https://iiif.io/api/image/3.0/#7-error-conditions: 500); logged
    /// once with the codec's message, the client gets a sentence without internals.</summary>
    private IiifError DecodeFailure(string identifier, SourceDecodeException exception)
    {
        var reason = exception is ImageDecodeException { DecoderMessages.Count: > 0 } decode
            ? exception.Message + " " + string.Join(" | ", decode.DecoderMessages)
            : exception.Message;
        Log.SourceDecodeFailed(logger, identifier, reason);
        return Unreadable;
    }
}

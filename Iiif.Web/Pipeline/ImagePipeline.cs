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
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>The steps of an image or info request without HTTP (house style §4): parse (400 before any I/O), resolve
/// (404), identify through the info cache, plan (400/501 before any pixel is decoded), then fetch the derivative from the
/// cache tiers or render it once under the <see cref="RenderGate"/>. Failures come back as <see cref="IiifError"/>s.</summary>
internal sealed class ImagePipeline(
    IImageSource source,
    IImageRenderer renderer,
    IEncoderCatalog encoders,
    IInfoCache infos,
    IDerivativeCache derivatives,
    RenderGate gate,
    RenderSettings settings,
    IOptions<LimitsOptions> limits,
    ILogger<ImagePipeline> logger) : IImagePipeline
{
    private static readonly IiifError Unreadable = new(IiifErrorKind.InternalError, null, "The image could not be read.");
    private static readonly IiifError Busy = new(IiifErrorKind.ServiceUnavailable, null, "The server is busy; try again shortly.");
    private readonly ServerLimits _limits = limits.Value.ToServerLimits();

    public static IiifError UnknownIdentifier { get; } = IiifError.NotFound("No image has this identifier.");

    public async Task<ImageSourceHandle?> ResolveAsync(ImageIdentifier identifier, CancellationToken cancellationToken) =>
        await source.ResolveAsync(identifier, cancellationToken).ConfigureAwait(false);

    /// <summary>The source's facts from the info cache (keyed by identifier and source version), read on a miss.</summary>
    public async Task<Result<ImageInfo>> IdentifyAsync(ImageSourceHandle handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        try
        {
            return await infos.GetOrAddAsync(
                handle.Identifier.Value, handle.Version, ct => ValueTask.FromResult(renderer.Identify(handle, ct)), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (SourceDecodeException e)
        {
            return DecodeFailure(handle.Identifier.Value, e);
        }
    }

    public async Task<Result<PreparedImage>> PrepareAsync(ApiVersion version, IiifPath path, CancellationToken cancellationToken)
    {
        var request = ImageRequestParser.Parse(version, path);
        Log.RequestValidated(logger, Logging.LogValues.Params, request.IsSuccess);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        if (!encoders.IsAvailable(request.Value.Format))
        {
            return IiifError.BadRequest("format", $"{ImageFormats.Extension(request.Value.Format)} output is not offered by this server.");
        }

        var handle = await ResolveAsync(request.Value.Identifier, cancellationToken).ConfigureAwait(false);
        if (handle is null)
        {
            return UnknownIdentifier;
        }

        var info = await IdentifyAsync(handle, cancellationToken).ConfigureAwait(false);
        if (!info.IsSuccess)
        {
            return info.Error;
        }

        var plan = RenderPlanner.Plan(request.Value, info.Value!, Auth.DegradedImageHandle.LimitsFor(handle, _limits));
        Log.RequestValidated(logger, Logging.LogValues.Info, plan.IsSuccess);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        var canonicalTail = CanonicalImageRequest.Format(plan.Value!);
        var versionDigit = version == ApiVersion.V2 ? "2" : "3";
        var key = new DerivativeKey(handle.Identifier.Value, handle.Version, versionDigit + "/" + canonicalTail + "|" + settings.Fingerprint);
        return new PreparedImage(version, handle, plan.Value!, canonicalTail, key);
    }

    /// <summary>The derivative from the first cache tier that has it, else rendered once for every concurrent request of
    /// the same key. Cancellation by the caller propagates as <see cref="OperationCanceledException"/>.</summary>
    public async Task<Result<CachedDerivative>> FetchAsync(
        PreparedImage image, DerivativeMetadata metadata, DerivativeCacheMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            return await derivatives.GetOrRenderAsync(image.Key, metadata, (stream, ct) => RenderAsync(image, stream, ct), mode, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RenderRejectedException)
        {
            Log.RenderRejected(logger, image.Identifier);
            return Busy;
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
        if (!path.IsSuccess || path.Value!.Kind != IiifPathKind.Image)
        {
            return path.IsSuccess ? IiifError.BadRequest(null, "The tail must be /region/size/rotation/quality.format.") : path.Error;
        }

        var prepared = await PrepareAsync(version, path.Value, cancellationToken).ConfigureAwait(false);
        if (!prepared.IsSuccess)
        {
            return prepared.Error;
        }

        var image = prepared.Value!;
        return await FetchAsync(image, MetadataFor(image, ValidatorsFor(image), isProfile), mode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What is stored beside the bytes: the media type and the strong ETag a client request would get.</summary>
    public static DerivativeMetadata MetadataFor(PreparedImage image, CacheValidators validators, bool isProfile)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(validators);
        return new DerivativeMetadata(ImageFormats.MediaType(image.Plan.Format), validators.ETag, isProfile);
    }

    public static CacheValidators ValidatorsFor(PreparedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return CacheValidators.From(image.Handle.Version, "image", image.Identifier, image.Key.Request);
    }

    private async Task RenderAsync(PreparedImage image, Stream output, CancellationToken cancellationToken)
    {
        using var lease = await gate.TryEnterAsync(cancellationToken).ConfigureAwait(false) ?? throw new RenderRejectedException();
        await renderer.RenderAsync(image.Handle, image.Plan, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Digest §5.2: a corrupt source is the server's fault; logged once with the codec's message, the client
    /// gets a sentence without internals.</summary>
    private IiifError DecodeFailure(string identifier, SourceDecodeException exception)
    {
        var reason = exception is ImageDecodeException { DecoderMessages.Count: > 0 } decode
            ? exception.Message + " " + string.Join(" | ", decode.DecoderMessages)
            : exception.Message;
        Log.SourceDecodeFailed(logger, identifier, reason);
        return Unreadable;
    }
}

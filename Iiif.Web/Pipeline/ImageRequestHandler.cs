using Iiif.Core.Errors;
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
using Microsoft.IO;

namespace Iiif.Web.Pipeline;

/// <summary>Answers image requests (house style §4): parse (400 before any I/O), resolve (404), identify, plan (400/501
/// before any pixel is decoded, so over-limit outputs never start), answer a matching conditional request with 304,
/// then render under the <see cref="RenderGate"/> into a pooled buffer.</summary>
internal sealed class ImageRequestHandler(
    IImageSource source,
    IImageRenderer renderer,
    IEncoderCatalog encoders,
    RenderGate gate,
    RecyclableMemoryStreamManager streams,
    IOptions<LimitsOptions> limits,
    ILogger<ImageRequestHandler> logger)
{
    private readonly ServerLimits _limits = limits.Value.ToServerLimits();

    public async Task<IiifOutcome> HandleAsync(IiifTarget target, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var request = ImageRequestParser.Parse(target.Version, target.Path);
        Log.RequestValidated(logger, LogValues.Params, request.IsSuccess);
        if (!request.IsSuccess)
        {
            return IiifOutcome.From(request.Error);
        }

        if (!encoders.IsAvailable(request.Value.Format))
        {
            return IiifOutcome.From(IiifError.BadRequest("format", $"{ImageFormats.Extension(request.Value.Format)} output is not offered by this server."));
        }

        var handle = await source.ResolveAsync(request.Value.Identifier, cancellationToken).ConfigureAwait(false);
        if (handle is null)
        {
            return IiifOutcome.From(InfoRequestHandler.UnknownIdentifier());
        }

        ImageInfo info;
        try
        {
            info = renderer.Identify(handle, cancellationToken);
        }
        catch (SourceDecodeException e)
        {
            return InfoRequestHandler.DecodeFailure(logger, handle.Identifier.Value, e);
        }

        var plan = RenderPlanner.Plan(request.Value, info, _limits);
        Log.RequestValidated(logger, LogValues.Info, plan.IsSuccess);
        return plan.IsSuccess
            ? await RespondAsync(target, context, handle, plan.Value, cancellationToken).ConfigureAwait(false)
            : IiifOutcome.From(plan.Error);
    }

    private async Task<IiifOutcome> RespondAsync(
        IiifTarget target, HttpContext context, ImageSourceHandle handle, RenderPlan plan, CancellationToken cancellationToken)
    {
        var canonicalTail = CanonicalImageRequest.Format(plan);
        var validators = CacheValidators.From(handle.Version, "image", handle.Identifier.Value, canonicalTail);
        if (validators.IsNotModified(context.Request))
        {
            return new IiifOutcome.NotModified(validators, VaryAccept: false);
        }

        var (stream, failure) = await RenderAsync(handle, plan, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return failure!;
        }

        context.SetLogResult(LogValues.Image);
        var link = IiifHeaders.ImageLink(target.BaseUri + "/" + canonicalTail, target.Version);
        var disposition = IiifHeaders.ContentDisposition(target.Path, plan.Format);
        return new IiifOutcome.Image(stream, plan.Format, link, disposition, validators);
    }

    // The rendered bytes (a pooled stream at position 0), or the outcome that replaces them.
    private async Task<(Stream? Body, IiifOutcome? Failure)> RenderAsync(ImageSourceHandle handle, RenderPlan plan, CancellationToken cancellationToken)
    {
        var identifier = handle.Identifier.Value;
        var stream = streams.GetStream(nameof(ImageRequestHandler));
        try
        {
            using var lease = await gate.TryEnterAsync(cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                Log.RenderRejected(logger, identifier);
                return (null, IiifOutcomeResult.ServerFailure(
                    IiifErrorKind.ServiceUnavailable, "The server is busy; try again shortly.", gate.RetryAfterSeconds));
            }

            await renderer.RenderAsync(handle, plan, stream, cancellationToken).ConfigureAwait(false);
            stream.Position = 0;
            return (stream, null);
        }
        catch (SourceDecodeException e)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return (null, InfoRequestHandler.DecodeFailure(logger, identifier, e));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            Log.ClientDisconnected(logger, identifier);
            return (null, new IiifOutcome.Aborted());
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

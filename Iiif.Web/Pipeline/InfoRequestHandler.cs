using Iiif.Core.Errors;
using Iiif.Core.Info;
using Iiif.Core.Requests;
using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;
using Iiif.Web.Http;
using Iiif.Web.Logging;

namespace Iiif.Web.Pipeline;

/// <summary>Answers <c>{base}/info.json</c> (house style §4: resolve, identify, build): content negotiation per digest
/// §3.1, validators per §5.5 (a 304 is decided before the header is read), the id built per request (§3.4).</summary>
internal sealed class InfoRequestHandler(
    IImageSource source,
    IImageRenderer renderer,
    InfoDocumentFactory documents,
    ILogger<InfoRequestHandler> logger)
{
    public async Task<IiifOutcome> HandleAsync(IiifTarget target, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var identifier = target.Path.Identifier;
        var handle = await source.ResolveAsync(identifier, cancellationToken).ConfigureAwait(false);
        if (handle is null)
        {
            return IiifOutcome.From(UnknownIdentifier());
        }

        var mediaType = InfoContentNegotiation.Choose(target.Version, context.Request.Headers.Accept);
        var version = target.Version == ApiVersion.V2 ? "2" : "3";
        var validators = CacheValidators.From(handle.Version, "info", identifier.Value, version, mediaType, target.BaseUri);
        if (validators.IsNotModified(context.Request))
        {
            return new IiifOutcome.NotModified(validators, VaryAccept: true);
        }

        ImageInfo info;
        try
        {
            info = renderer.Identify(handle, cancellationToken);
        }
        catch (SourceDecodeException e)
        {
            return DecodeFailure(logger, identifier.Value, e);
        }

        Log.RequestValidated(logger, LogValues.Info, true);
        context.SetLogResult(LogValues.Info);
        var body = documents.Build(target.Version, info, target.BaseUri);
        var profile = target.Version == ApiVersion.V3 ? IiifProfiles.ProfileLinkHeader(ApiVersion.V3) : null;
        return new IiifOutcome.Info(body, mediaType, validators, profile);
    }

    public static IiifError UnknownIdentifier() => IiifError.NotFound("No image has this identifier.");

    /// <summary>Digest §5.2: a corrupt source is the server's fault; logged once with the codec's message, the client
    /// gets a sentence without internals.</summary>
    public static IiifOutcome DecodeFailure(ILogger logger, string identifier, SourceDecodeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception is ImageDecodeException { DecoderMessages.Count: > 0 } decode
            ? exception.Message + " " + string.Join(" | ", decode.DecoderMessages)
            : exception.Message;
        Log.SourceDecodeFailed(logger, identifier, reason);
        return IiifOutcomeResult.ServerFailure(IiifErrorKind.InternalError, "The image could not be read.");
    }
}

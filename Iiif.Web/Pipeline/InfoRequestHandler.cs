using Iiif.Core.Info;
using Iiif.Core.Requests;
using Iiif.Web.Http;
using Iiif.Web.Logging;

namespace Iiif.Web.Pipeline;

/// <summary>Answers <c>{base}/info.json</c> (house style §4: resolve, identify through the info cache, build): content negotiation per digest
/// §3.1, validators per §5.5 (a 304 is decided before the header is read), the id built per request (§3.4).</summary>
internal sealed class InfoRequestHandler(
    ImagePipeline pipeline,
    InfoDocumentFactory documents,
    ILogger<InfoRequestHandler> logger)
{
    public async Task<IiifOutcome> HandleAsync(IiifTarget target, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var identifier = target.Path.Identifier;
        var handle = await pipeline.ResolveAsync(identifier, cancellationToken).ConfigureAwait(false);
        if (handle is null)
        {
            return IiifOutcome.From(ImagePipeline.UnknownIdentifier);
        }

        var mediaType = InfoContentNegotiation.Choose(target.Version, context.Request.Headers.Accept);
        var version = target.Version == ApiVersion.V2 ? "2" : "3";
        var validators = CacheValidators.From(handle.Version, "info", identifier.Value, version, mediaType, target.BaseUri);
        if (validators.IsNotModified(context.Request))
        {
            return new IiifOutcome.NotModified(validators, VaryAccept: true);
        }

        var info = await pipeline.IdentifyAsync(handle, cancellationToken).ConfigureAwait(false);
        if (!info.IsSuccess)
        {
            return IiifOutcome.From(info.Error);
        }

        Log.RequestValidated(logger, LogValues.Info, true);
        context.SetLogResult(LogValues.Info);
        var body = documents.Build(target.Version, info.Value!, target.BaseUri, handle, target.Root);
        var profile = target.Version == ApiVersion.V3 ? IiifProfiles.ProfileLinkHeader(ApiVersion.V3) : null;
        return new IiifOutcome.Info(body, mediaType, validators, profile);
    }
}

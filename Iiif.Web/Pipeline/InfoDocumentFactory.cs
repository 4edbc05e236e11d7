using System.Text.Json;
using System.Text.Json.Nodes;
using Iiif.Core.Auth;
using Iiif.Core.Info;
using Iiif.Core.Requests;
using Iiif.Imaging.Sources;
using Iiif.Web.Auth;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;
using CoreInfoOptions = Iiif.Core.Info.InfoOptions;
using WebInfoOptions = Iiif.Web.Configuration.InfoOptions;

namespace Iiif.Web.Pipeline;

/// <summary>Builds info.json bytes with the configured limits, tile size and passthrough properties (info section).
/// Only the configuration is prepared once; the id is per request and never cached, since it depends on the host and
/// prefix each client used (https://iiif.io/api/image/3.0/#52-technical-properties).</summary>
internal sealed class InfoDocumentFactory
{
    private readonly CoreInfoOptions _template;
    private readonly AuthInfoServices? _auth;

    public InfoDocumentFactory(
        IOptions<WebInfoOptions> info, IOptions<LimitsOptions> limits, IOptions<ImagingOptions> imaging, AuthInfoServices? auth = null)
    {
        _auth = auth;
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(imaging);
        var settings = info.Value;
        _template = new CoreInfoOptions("http://placeholder.invalid/id", limits.Value.ToServerLimits())
        {
            DefaultTileSize = imaging.Value.TileSize,
            V2 = new InfoPassthroughV2
            {
                Attribution = TextOrNull(settings.Attribution),
                License = TextOrNull(settings.License),
                Logo = TextOrNull(settings.Logo),
                Service = settings.Service.Count switch
                {
                    0 => null,
                    1 => Objects(settings.Service).FirstOrDefault(),
                    _ => new JsonArray([.. Objects(settings.Service)]),
                },
            },
            V3 = new InfoPassthroughV3
            {
                Rights = settings.Rights.Length > 0 ? settings.Rights : null,
                Service = Objects(settings.Service),
                SeeAlso = Objects(settings.SeeAlso),
                PartOf = Objects(settings.PartOf),
            },
        };
    }

    /// <summary>The document for <paramref name="info"/> under <paramref name="baseUri"/>; <paramref name="level0"/> for a
    /// static export, which supports only the sizes and tiles it lists (https://iiif.io/api/image/3.0/compliance/).</summary>
    public byte[] Build(ApiVersion version, ImageInfo info, string baseUri, bool level0 = false)
    {
        var options = _template with { BaseUri = baseUri, Level0 = level0 };
        var document = version == ApiVersion.V2 ? InfoDocumentV2Builder.Build(info, options) : InfoDocumentV3Builder.Build(info, options);
        return InfoJson.SerializeToUtf8Bytes(document);
    }

    /// <summary>The document a client gets for <paramref name="handle"/>: a degraded version is declared without upscaling,
    /// a restricted image with its probe service (https://iiif.io/api/auth/2.0/#21-declaring-services; in 3.0 the auth
    /// context comes first in <c>@context</c>, in 2.1 the service carries its own).</summary>
    public byte[] Build(ApiVersion version, ImageInfo info, string baseUri, ImageSourceHandle handle, string root)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var options = _template with { BaseUri = baseUri, Limits = DegradedImageHandle.LimitsFor(handle, _template.Limits) };
        if (_auth?.ProbeServiceFor(version, handle.Identifier.Value, root) is { } probe)
        {
            options = version == ApiVersion.V2
                ? options with { V2 = options.V2 with { Service = WithService(options.V2.Service, probe) } }
                : options with { V3 = options.V3 with { Contexts = [AuthVocabulary.Context], Service = [.. options.V3.Service, probe] } };
        }

        var document = version == ApiVersion.V2 ? InfoDocumentV2Builder.Build(info, options) : InfoDocumentV3Builder.Build(info, options);
        return InfoJson.SerializeToUtf8Bytes(document);
    }

    /// <summary>The sizes and tiles the document lists for <paramref name="info"/>.</summary>
    public PyramidLayout Layout(ImageInfo info) => TileCalculator.Layout(info, _template.Limits, _template.DefaultTileSize);

    private static JsonArray WithService(JsonNode? configured, JsonObject probe) => configured switch
    {
        null => [probe],
        JsonArray list => [.. list.Select(s => s?.DeepClone()), probe],
        _ => [configured.DeepClone(), probe],
    };

    private static JsonValue? TextOrNull(string value) => value.Length > 0 ? JsonValue.Create(value) : null;

    private static JsonObject[] Objects(IReadOnlyList<JsonElement> elements) =>
        [.. elements.Where(e => e.ValueKind == JsonValueKind.Object).Select(e => JsonObject.Create(e)!)];
}

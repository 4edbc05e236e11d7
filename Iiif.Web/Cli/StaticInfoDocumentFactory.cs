using System.Text.Json;
using System.Text.Json.Nodes;
using Iiif.Core.Info;
using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;
using CoreInfoOptions = Iiif.Core.Info.InfoOptions;
using WebInfoOptions = Iiif.Web.Configuration.InfoOptions;

namespace Iiif.Web.Cli;

/// <summary>info.json of a static export: the server's document (same limits, tile size and passthrough values as
/// <see cref="Pipeline.InfoDocumentFactory"/>) claiming level 0, since a folder of files supports only the listed sizes
/// and tiles (digest §4.2). Also gives the layout those lists come from, so the export writes exactly them.</summary>
/// <remarks>The template mirrors InfoDocumentFactory's; folding a level-0 flag into that factory would remove the copy.</remarks>
internal sealed class StaticInfoDocumentFactory
{
    private readonly CoreInfoOptions _template;

    public StaticInfoDocumentFactory(IOptions<WebInfoOptions> info, IOptions<LimitsOptions> limits, IOptions<ImagingOptions> imaging)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(imaging);
        var settings = info.Value;
        _template = new CoreInfoOptions("http://placeholder.invalid/id", limits.Value.ToServerLimits())
        {
            Level0 = true,
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

    /// <summary>The sizes and tiles the document lists for <paramref name="info"/>.</summary>
    public PyramidLayout Layout(ImageInfo info) => TileCalculator.Layout(info, _template.Limits, _template.DefaultTileSize);

    public byte[] Build(ApiVersion version, ImageInfo info, string baseUri)
    {
        var options = _template with { BaseUri = baseUri };
        var document = version == ApiVersion.V2 ? InfoDocumentV2Builder.Build(info, options) : InfoDocumentV3Builder.Build(info, options);
        return InfoJson.SerializeToUtf8Bytes(document);
    }

    private static JsonValue? TextOrNull(string value) => value.Length > 0 ? JsonValue.Create(value) : null;

    private static JsonObject[] Objects(IReadOnlyList<JsonElement> elements) =>
        [.. elements.Where(e => e.ValueKind == JsonValueKind.Object).Select(e => JsonObject.Create(e)!)];
}

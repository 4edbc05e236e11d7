using System.Text.Json.Nodes;
using Iiif.Core.Requests;

namespace Iiif.Core.Info;

/// <summary>Builds the Image API 3.0 info.json (https://iiif.io/api/image/3.0/#52-technical-properties).</summary>
public static class InfoDocumentV3Builder
{
    /// <summary>The 3.0 document, keys in the spec's order: <c>@context</c>, <c>id</c>, <c>type</c>, <c>protocol</c>,
    /// <c>profile</c>, <c>width</c>, <c>height</c>, <c>maxWidth</c>, <c>maxHeight</c>, <c>maxArea</c>, <c>sizes</c>,
    /// <c>tiles</c>, <c>preferredFormats</c>, <c>rights</c>, <c>extraQualities</c>, <c>extraFormats</c>,
    /// <c>extraFeatures</c>, <c>partOf</c>, <c>seeAlso</c>, <c>service</c>. Never the 2.1-only <c>license</c>,
    /// <c>attribution</c> or <c>logo</c> (removed in 3.0; the validator fails them).</summary>
    /// <exception cref="ArgumentException">The options break a MUST of the spec: upscaling without maxWidth or maxArea,
    /// maxHeight without maxWidth, <c>rights</c> not an absolute URI, a base URI with a trailing slash or not absolute.</exception>
    public static JsonObject Build(ImageInfo info, InfoOptions options)
    {
        InfoArguments.Validate(info, options, ApiVersion.V3);
        var layout = TileCalculator.Layout(info, options.Limits, options.DefaultTileSize);
        var extras = options.V3;
        var document = new JsonObject
        {
            ["@context"] = extras.Contexts.Count == 0
                ? IiifContexts.ImageV3
                : new JsonArray([.. extras.Contexts.Select(c => JsonValue.Create(c)), JsonValue.Create(IiifContexts.ImageV3)]),
            ["id"] = options.BaseUri,
            ["type"] = "ImageService3",
            ["protocol"] = IiifContexts.Protocol,
            ["profile"] = options.Level0 ? IiifProfiles.Level0V3Name : IiifProfiles.Level2V3Name,
            ["width"] = info.Width,
            ["height"] = info.Height,
        };

        InfoLimits.Add(document, options.Limits);
        document["sizes"] = InfoJsonNodes.Sizes(layout.Sizes);
        document["tiles"] = InfoJsonNodes.Tiles(layout);
        InfoJsonNodes.AddNonEmpty(document, "preferredFormats", [.. extras.PreferredFormats.Select(ImageFormats.Extension)]);
        if (extras.Rights is not null)
        {
            document["rights"] = extras.Rights;
        }

        if (!options.Level0)
        {
            // https://iiif.io/api/image/3.0/compliance/: extras are what the server implements beyond its level; static files implement nothing more.
            InfoJsonNodes.AddNonEmpty(document, "extraQualities", ImageFeatures.ExtraQualities(ApiVersion.V3, info));
            InfoJsonNodes.AddNonEmpty(document, "extraFormats", ImageFeatures.ExtraFormats(ApiVersion.V3));
            InfoJsonNodes.AddNonEmpty(document, "extraFeatures", ImageFeatures.ExtraFeatures(ApiVersion.V3, options.Limits));
        }

        InfoJsonNodes.AddCopies(document, "partOf", extras.PartOf);
        InfoJsonNodes.AddCopies(document, "seeAlso", extras.SeeAlso);
        InfoJsonNodes.AddCopies(document, "service", extras.Service);
        return document;
    }
}

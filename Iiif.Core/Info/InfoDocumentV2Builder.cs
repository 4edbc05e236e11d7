using System.Text.Json.Nodes;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Core.Info;

/// <summary>Builds the Image API 2.1 info.json (https://iiif.io/api/image/2.1/#52-technical-properties).</summary>
public static class InfoDocumentV2Builder
{
    /// <summary>The 2.1 document, keys in the spec's order: <c>@context</c>, <c>@id</c>, <c>@type</c>, <c>protocol</c>,
    /// <c>width</c>, <c>height</c>, <c>sizes</c>, <c>tiles</c>, <c>profile</c>, then the configured <c>attribution</c>,
    /// <c>license</c>, <c>logo</c> and <c>service</c>.</summary>
    /// <exception cref="ArgumentException">The options break a MUST of the spec (maxHeight without maxWidth, a base URI with a
    /// trailing slash or not absolute) or hold non-positive sizes.</exception>
    public static JsonObject Build(ImageInfo info, InfoOptions options)
    {
        InfoArguments.Validate(info, options, ApiVersion.V2);
        var layout = TileCalculator.Layout(info, options.Limits, options.DefaultTileSize);
        var document = new JsonObject
        {
            ["@context"] = IiifContexts.ImageV2,
            ["@id"] = options.BaseUri,
            ["@type"] = "iiif:Image",
            ["protocol"] = IiifContexts.Protocol,
            ["width"] = info.Width,
            ["height"] = info.Height,
            ["sizes"] = InfoJsonNodes.Sizes(layout.Sizes),
            ["tiles"] = InfoJsonNodes.Tiles(layout),
            ["profile"] = options.Level0
                ? Level0Profile(options.Limits)
                : new JsonArray(IiifProfiles.Level2V2, ProfileObject(info, options.Limits)),
        };

        InfoJsonNodes.AddCopy(document, "attribution", options.V2.Attribution);
        InfoJsonNodes.AddCopy(document, "license", options.V2.License);
        InfoJsonNodes.AddCopy(document, "logo", options.V2.Logo);
        InfoJsonNodes.AddCopy(document, "service", options.V2.Service);
        return document;
    }

    // A static export supports nothing beyond level 0 (https://iiif.io/api/image/3.0/compliance/): only the limits, if any, follow the level URI.
    private static JsonArray Level0Profile(ServerLimits limits)
    {
        var limitsObject = new JsonObject();
        InfoLimits.Add(limitsObject, limits);
        return limitsObject.Count == 0 ? new JsonArray(IiifProfiles.Level0V2) : new JsonArray(IiifProfiles.Level0V2, limitsObject);
    }

    // The embedded profile object: what is supported beyond level2.json, and the limits (2.1 keeps them here). Its own
    // @context/@id/@type SHOULD NOT appear when embedded, and empty lists are left out.
    private static JsonObject ProfileObject(ImageInfo info, ServerLimits limits)
    {
        var profile = new JsonObject();
        InfoJsonNodes.AddNonEmpty(profile, "formats", ImageFeatures.ExtraFormats(ApiVersion.V2));
        InfoJsonNodes.AddNonEmpty(profile, "qualities", ImageFeatures.ExtraQualities(ApiVersion.V2, info));
        InfoJsonNodes.AddNonEmpty(profile, "supports", ImageFeatures.ExtraFeatures(ApiVersion.V2, limits));
        InfoLimits.Add(profile, limits);
        return profile;
    }
}

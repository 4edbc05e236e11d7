using Iiif.Core.Requests;

namespace Iiif.Core.Info;

/// <summary>JSON-LD context URIs, the protocol URI and the info.json media types (https://iiif.io/api/image/3.0/#51-image-information-request, https://iiif.io/api/image/2.1/#52-technical-properties, https://iiif.io/api/image/3.0/#52-technical-properties, https://iiif.io/api/image/3.0/change-log/).</summary>
public static class IiifContexts
{
    /// <summary>The 2.1 context (shared with 2.0), the value of <c>@context</c> in a 2.1 info.json.</summary>
    public const string ImageV2 = "http://iiif.io/api/image/2/context.json";

    /// <summary>The 3.0 context, the value (or last array item) of <c>@context</c> in a 3.0 info.json.</summary>
    public const string ImageV3 = "http://iiif.io/api/image/3/context.json";

    /// <summary>The <c>protocol</c> value of both versions.</summary>
    public const string Protocol = "http://iiif.io/api/image";

    /// <summary>Plain JSON: the 2.1 default, and the answer to an explicit <c>Accept: application/json</c>.</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>JSON-LD without a profile: what 2.1 answers when the client asks for <c>application/ld+json</c>.</summary>
    public const string JsonLdMediaType = "application/ld+json";

    /// <summary>The 3.0 default info.json type (https://iiif.io/api/image/3.0/#51-image-information-request: used with no <c>Accept</c> and when ld+json is asked for).</summary>
    public const string JsonLdV3MediaType = "application/ld+json;profile=\"" + ImageV3 + "\"";

    /// <summary>The context URI of a version.</summary>
    public static string Context(ApiVersion version) => version switch
    {
        ApiVersion.V2 => ImageV2,
        ApiVersion.V3 => ImageV3,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown API version."),
    };
}

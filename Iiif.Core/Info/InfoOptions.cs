using Iiif.Core.Planning;

namespace Iiif.Core.Info;

/// <summary>What the info.json builders need besides <see cref="ImageInfo"/>: the image's base URI, the server's limits and
/// tiling default, and configured values copied into the document as they are.</summary>
/// <param name="BaseUri">The base URI of this image exactly as a client must use it, <c>{scheme}://{server}{/prefix}/{identifier}</c>
/// with the identifier percent-encoded and no trailing slash. Written verbatim as <c>@id</c>/<c>id</c>: the validator compares
/// it character for character with the requested URL (https://iiif.io/api/image/3.0/#52-technical-properties).</param>
/// <param name="Limits">The output limits, declared in the document and applied to tiles and sizes.</param>
public sealed record InfoOptions(string BaseUri, ServerLimits Limits)
{
    /// <summary>Tile side advertised when the source is not natively tiled.</summary>
    public int DefaultTileSize { get; init; } = 512;

    /// <summary>Claim compliance level 0 instead of level 2, with no extra qualities, formats or features: for a static
    /// export that holds only the listed <c>sizes</c> and <c>tiles</c> (https://iiif.io/api/image/3.0/compliance/), which no level 2 claim would match.</summary>
    public bool Level0 { get; init; }

    /// <summary>Values only a 2.1 document carries.</summary>
    public InfoPassthroughV2 V2 { get; init; } = new();

    /// <summary>Values only a 3.0 document carries.</summary>
    public InfoPassthroughV3 V3 { get; init; } = new();
}

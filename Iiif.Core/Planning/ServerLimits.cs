namespace Iiif.Core.Planning;

/// <summary>The server's output limits (https://iiif.io/api/image/3.0/#52-technical-properties), its upscaling policy and
/// the largest encoded output it produces.</summary>
/// <param name="MaxWidth">Largest output width, or null for no limit.</param>
/// <param name="MaxHeight">Largest output height; when null and <paramref name="MaxWidth"/> is set it equals MaxWidth.</param>
/// <param name="MaxArea">Largest output area in pixels, or null for no limit.</param>
/// <param name="AllowUpscaling">Whether sizes larger than the region are served (2.1 <c>sizeAboveFull</c>, 3.0 <c>sizeUpscaling</c>).</param>
/// <param name="MaxUpscaleFactor">With upscaling on, the largest output side as a multiple of the region's side (the old
/// server's <c>upsize_factor</c>, applied to both sides here) for the explicit <c>^</c> forms; null for no factor limit.</param>
public readonly record struct ServerLimits(int? MaxWidth, int? MaxHeight, long? MaxArea, bool AllowUpscaling, decimal? MaxUpscaleFactor)
{
    /// <summary>No limits and no upscaling.</summary>
    public static ServerLimits Unlimited => new(null, null, null, false, null);

    /// <summary>The largest encoded output, as <see cref="OutputSizeEstimate"/> estimates it before anything is decoded;
    /// null for no cap. Not an IIIF limit: info.json cannot advertise it, so a request over it is refused with 400.</summary>
    public long? MaxOutputBytes { get; init; }

    /// <summary>The height limit in force: MaxHeight, else MaxWidth (https://iiif.io/api/image/3.0/#52-technical-properties: if only maxWidth is given, maxHeight equals it).</summary>
    public int? EffectiveMaxHeight => MaxHeight ?? MaxWidth;
}

using System.Text.Json.Serialization;

namespace Iiif.Caching.Derivatives.Disk;

/// <summary>The small JSON file beside each disk derivative: which key it belongs to, how to serve it, how to verify it,
/// and when it was last served (kept by the cache itself; filesystem atime is often off or coarse).</summary>
internal sealed record DiskSidecar(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("sourceVersion")] string SourceVersion,
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("etag")] string ETag,
    [property: JsonPropertyName("isProfile")] bool IsProfile,
    [property: JsonPropertyName("length")] long Length,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("lastServed")] DateTimeOffset LastServed)
{
    public DerivativeMetadata Metadata => new(MediaType, ETag, IsProfile);

    public bool Matches(DerivativeKey key) =>
        string.Equals(Identifier, key.Identifier, StringComparison.Ordinal)
        && string.Equals(Request, key.Request, StringComparison.Ordinal)
        && string.Equals(SourceVersion, key.Source.Token, StringComparison.Ordinal);
}

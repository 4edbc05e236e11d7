using System.Text.Json.Serialization;

namespace Iiif.Web.Health;

/// <summary>The body of <c>GET /health</c>: overall status, whether the image folder can be read, and the JPEG 2000
/// codec's version (or <see cref="HealthProbe.Unavailable"/>).</summary>
internal sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("images")] string Images,
    [property: JsonPropertyName("jpeg2000")] string Jpeg2000)
{
    /// <summary>Each remote source rule's upstream as requests last saw it ("ok", "timeout", "upstream", ...); absent
    /// without remote rules. Informational: an upstream outage is answered 502/504 per image, and taking every server
    /// out of rotation for it would also stop the images that do not need it.</summary>
    [JsonPropertyName("sources")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Sources { get; init; }

    [JsonIgnore]
    public bool IsHealthy => Status == HealthProbe.Ok;
}

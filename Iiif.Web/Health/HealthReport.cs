using System.Text.Json.Serialization;

namespace Iiif.Web.Health;

/// <summary>The body of <c>GET /health</c>: overall status, whether the image folder can be read, and the JPEG 2000
/// codec's version (or <see cref="HealthProbe.Unavailable"/>).</summary>
internal sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("images")] string Images,
    [property: JsonPropertyName("jpeg2000")] string Jpeg2000)
{
    [JsonIgnore]
    public bool IsHealthy => Status == HealthProbe.Ok;
}

using System.Text.Json.Serialization;

namespace Iiif.Web.Health;

/// <summary>The body of <c>GET /health/ready</c>: ready or not, why not in a few words, and each dependency's state.</summary>
internal sealed record ReadinessReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonPropertyName("images")] string Images,
    [property: JsonPropertyName("jpeg2000")] string Jpeg2000,
    [property: JsonPropertyName("redis")] string Redis)
{
    public const string Ready = "ready";
    public const string NotReady = "not ready";

    [JsonIgnore]
    public bool IsReady => Status == Ready;
}

using System.Text.Json.Serialization;

namespace Iiif.Web.Health;

/// <summary>The body of <c>GET /health/ready</c>: ready, degraded (serving, but its disk cache stores nothing) or not
/// ready, why in a few words, and the state of what it depends on.</summary>
internal sealed record ReadinessReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonPropertyName("images")] string Images,
    [property: JsonPropertyName("jpeg2000")] string Jpeg2000,
    [property: JsonPropertyName("cache")] string Cache)
{
    public const string Ready = "ready";
    public const string Degraded = "degraded";
    public const string NotReady = "not ready";

    /// <summary><see cref="Cache"/> when the disk cache is switched off.</summary>
    public const string CacheOff = "off";

    /// <summary>Ready and degraded instances both serve: both answer 200.</summary>
    [JsonIgnore]
    public bool IsServing => Status != NotReady;
}

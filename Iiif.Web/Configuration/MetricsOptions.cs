namespace Iiif.Web.Configuration;

/// <summary>The <c>metrics</c> section: the Prometheus endpoint.</summary>
internal sealed class MetricsOptions
{
    public const string SectionName = "metrics";

    /// <summary>Serve /metrics and count requests; false = 404 and no per-request counting.</summary>
    public bool Enabled { get; set; } = true;
}

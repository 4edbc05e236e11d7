namespace Iiif.Web.Configuration;

/// <summary>The <c>metrics</c> section: the Prometheus endpoint.</summary>
internal sealed class MetricsOptions
{
    public const string SectionName = "metrics";

    /// <summary>Serve /metrics and count requests; false = 404 and no per-request counting.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Client IPs or CIDR networks that may read /metrics (after X-Forwarded-For from trusted proxies); others
    /// get 403, whatever the spelling of the path.</summary>
    public List<string> AllowedIps { get; set; } = [];
}

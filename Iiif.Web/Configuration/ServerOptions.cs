using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary>The <c>server</c> section: listening, URL layout, proxies and CORS.</summary>
internal sealed class ServerOptions
{
    public const string SectionName = "server";

    /// <summary>Kestrel URLs separated by ";".</summary>
    public string Urls { get; set; } = "http://localhost:3001";

    /// <summary>When positive, replaces the port of every URL in <see cref="Urls"/>.</summary>
    [Range(0, 65535, ErrorMessage = "must be a port number from 1 to 65535, or 0 to keep the ports in server.urls")]
    public int Port { get; set; }

    /// <summary>First path segment(s) of the IIIF services, without slashes at either end.</summary>
    public string Prefix { get; set; } = "iiif";

    /// <summary>The API version served where the URL has no version segment.</summary>
    [AllowedValues(2, 3, ErrorMessage = "must be 2 or 3")]
    public int DefaultVersion { get; set; } = 3;

    /// <summary>Public URL of the server root; empty to derive it from each request.</summary>
    public string BaseUri { get; set; } = string.Empty;

    /// <summary>Host names the server answers to (Host header, and X-Forwarded-Host from trusted proxies); "*.example.org"
    /// covers subdomains. Empty = any host. Requests for other hosts get 400, so no id is ever built from them.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Proxies (IPs or CIDR networks) whose X-Forwarded-* headers are honoured.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Access-Control-Allow-Origin value; empty for none.</summary>
    public string Cors { get; set; } = "*";

    /// <summary>Longest request line accepted, in characters.</summary>
    [Range(256, 65536, ErrorMessage = "must be between {1} and {2} characters")]
    public int MaxUrlLength { get; set; } = 2048;

    /// <summary>Kestrel's minimum response data rate in bytes per second (after a 5 s grace period); slower connections
    /// are closed. 0 = no minimum.</summary>
    [Range(0, 1_048_576, ErrorMessage = "must be between {1} and {2} bytes per second (0 = no minimum)")]
    public int MinResponseBytesPerSecond { get; set; } = 1024;

    /// <summary>Seconds a client may take to accept each 64 KB of an image before its connection is closed; 0 = no limit.</summary>
    [Range(0, 3600, ErrorMessage = "must be between {1} and {2} seconds (0 = no limit)")]
    public int WriteTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds in-flight requests get to finish after SIGTERM before the host stops anyway.</summary>
    [Range(0, 3600, ErrorMessage = "must be between {1} and {2} seconds")]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}

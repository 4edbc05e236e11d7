namespace Iiif.Web.Logging;

/// <summary>Per-request state of the request log line, reachable from handlers through HttpContext.Features.</summary>
internal sealed class RequestLogFeature
{
    /// <summary>The <see cref="LogKeys.Res"/> label of a successful request (info, image, viewer); failures log their
    /// status code instead.</summary>
    public string? Result { get; set; }

    /// <summary>The <see cref="LogKeys.Route"/> when a handler knows it better than the endpoint does (one catch-all
    /// endpoint serves the IIIF info, image and redirect routes).</summary>
    public string? Route { get; set; }

    /// <summary>Which cache answered or was filled (<see cref="LogKeys.Cache"/>), else null.</summary>
    public string? Cache { get; set; }

    /// <summary>hit or miss (<see cref="LogKeys.Found"/>).</summary>
    public string? Found { get; set; }

    /// <summary>The tier that served the response: memory, disk, shared or rendered.</summary>
    public string? Tier { get; set; }
}

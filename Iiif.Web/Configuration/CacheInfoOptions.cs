using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary><c>cache.info</c>: the in-memory info.json cache (the old server's node-cache settings, same unit).</summary>
internal sealed class CacheInfoOptions
{
    /// <summary>Seconds an entry lives.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number of seconds")]
    public int Ttl { get; set; } = 86400;

    /// <summary>Seconds between sweeps for expired entries.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number of seconds")]
    public int CheckPeriod { get; set; } = 3600;
}

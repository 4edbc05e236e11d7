using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary><c>cache.redis</c>: an optional cache shared between servers.</summary>
internal sealed class CacheRedisOptions
{
    /// <summary>StackExchange.Redis connection string; empty = no Redis.</summary>
    public string Configuration { get; set; } = string.Empty;

    [Range(1, 524_288, ErrorMessage = "must be between {1} and {2} kilobytes")]
    public int MaxItemKilobytes { get; set; } = 512;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Configuration);
}

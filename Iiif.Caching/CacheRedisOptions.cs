using System.ComponentModel.DataAnnotations;

namespace Iiif.Caching;

/// <summary><c>cache.redis</c>: an optional cache shared between servers.</summary>
public sealed class CacheRedisOptions
{
    /// <summary>StackExchange.Redis connection string; empty = no shared tier.</summary>
    public string Configuration { get; set; } = string.Empty;

    /// <summary>Largest rendered image stored in the shared tier.</summary>
    [Range(1, 524_288, ErrorMessage = "must be between {1} and {2} kilobytes")]
    public int MaxItemKilobytes { get; set; } = 512;

    /// <summary>Seconds the shared tier is left alone after it failed, before one call tries it again (fractions allowed).</summary>
    [Range(0.1, 3600, ErrorMessage = "must be between {1} and {2} seconds")]
    public double RetryAfterSeconds { get; set; } = 10;

    /// <summary>True when a connection string is set.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary><see cref="MaxItemKilobytes"/> in bytes.</summary>
    public long MaxItemBytes => MaxItemKilobytes * 1024L;

    /// <summary><see cref="RetryAfterSeconds"/> as a duration.</summary>
    public TimeSpan RetryAfter => TimeSpan.FromSeconds(RetryAfterSeconds);
}

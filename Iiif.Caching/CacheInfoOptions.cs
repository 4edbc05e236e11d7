using System.ComponentModel.DataAnnotations;

namespace Iiif.Caching;

/// <summary><c>cache.info</c>: the in-memory info cache (the old server's node-cache settings, same unit), an LRU of at
/// most <see cref="MaxEntries"/> entries.</summary>
public sealed class CacheInfoOptions
{
    /// <summary>Seconds an entry lives.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number of seconds")]
    public int Ttl { get; set; } = 86400;

    /// <summary>Seconds between sweeps for expired entries.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number of seconds")]
    public int CheckPeriod { get; set; } = 3600;

    /// <summary>Most entries kept in memory; the least recently used go first.</summary>
    [Range(1, 10_000_000, ErrorMessage = "must be between {1} and {2} entries")]
    public int MaxEntries { get; set; } = 100_000;

    /// <summary><see cref="Ttl"/> as a duration.</summary>
    public TimeSpan TimeToLive => TimeSpan.FromSeconds(Ttl);

    /// <summary><see cref="CheckPeriod"/> as a duration.</summary>
    public TimeSpan SweepPeriod => TimeSpan.FromSeconds(CheckPeriod);
}

using System.ComponentModel.DataAnnotations;

namespace Iiif.Caching;

/// <summary><c>cache.memory</c>: recently rendered images kept in memory, an LRU sized in bytes.</summary>
public sealed class CacheMemoryOptions
{
    /// <summary>Bytes in a megabyte, the unit of every size setting.</summary>
    public const long Megabyte = 1024L * 1024;

    /// <summary>Used when nobody sets <see cref="MaxSizeMegabytes"/>; a host drawing every cache from one memory budget
    /// sets it to that budget's share.</summary>
    public const int DefaultMaxSizeMegabytes = 128;

    /// <summary>Largest single rendered image kept, so a few large images cannot push out many hot tiles.</summary>
    public const long MaxItemBytes = 4 * Megabyte;

    /// <summary>Megabytes; 0 = no memory tier; null = <see cref="DefaultMaxSizeMegabytes"/>.</summary>
    [Range(0, 1_048_576, ErrorMessage = "must be between {1} and {2} megabytes; 0 turns the memory cache off, empty takes its share of memory.budgetMegabytes")]
    public int? MaxSizeMegabytes { get; set; }

    /// <summary>The tier's size in bytes; 0 = off.</summary>
    public long MaxBytes => (MaxSizeMegabytes ?? DefaultMaxSizeMegabytes) * Megabyte;
}

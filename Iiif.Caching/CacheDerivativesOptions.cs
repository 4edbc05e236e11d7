using System.ComponentModel.DataAnnotations;

namespace Iiif.Caching;

/// <summary><c>cache.derivatives</c>: rendered images kept on disk, least recently served evicted first.</summary>
public sealed class CacheDerivativesOptions
{
    /// <summary>Keep rendered images on disk.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Disk space in megabytes; 0 = unlimited.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "must be a positive number of megabytes, or 0 for unlimited")]
    public int MaxSizeMegabytes { get; set; } = 20480;

    /// <summary>Free space kept on the cache's filesystem in megabytes, by evicting; 0 = only when a store finds it full.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "must be a positive number of megabytes, or 0 to evict only when the disk is full")]
    public int MinFreeMegabytes { get; set; } = 256;

    /// <summary>Megabytes of rendered images waiting to be written to disk behind the responses; when a write would
    /// overflow it, it is skipped and counted. 0 = write on the request path.</summary>
    [Range(0, 1_000_000, ErrorMessage = "must be a positive number of megabytes, or 0 to write on the request path")]
    public int WriteBehindMegabytes { get; set; } = 64;

    /// <summary><see cref="MaxSizeMegabytes"/> in bytes; 0 = unlimited.</summary>
    public long MaxBytes => MaxSizeMegabytes * CacheMemoryOptions.Megabyte;

    /// <summary><see cref="MinFreeMegabytes"/> in bytes; 0 = evict only when a store finds the filesystem full.</summary>
    public long MinFreeBytes => MinFreeMegabytes * CacheMemoryOptions.Megabyte;
}

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

    /// <summary><see cref="MaxSizeMegabytes"/> in bytes; 0 = unlimited.</summary>
    public long MaxBytes => MaxSizeMegabytes * CacheMemoryOptions.Megabyte;
}

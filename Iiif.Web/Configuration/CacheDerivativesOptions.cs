using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary><c>cache.derivatives</c>: rendered images kept on disk.</summary>
internal sealed class CacheDerivativesOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Disk space in megabytes; 0 = unlimited.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "must be a positive number of megabytes, or 0 for unlimited")]
    public int MaxSizeMegabytes { get; set; } = 20480;

    /// <summary>Free space kept on the cache's filesystem in megabytes, by evicting; 0 = only when a store finds it full.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "must be a positive number of megabytes, or 0 to evict only when the disk is full")]
    public int MinFreeMegabytes { get; set; } = 256;
}

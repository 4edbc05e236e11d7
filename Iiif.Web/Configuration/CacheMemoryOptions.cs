using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary><c>cache.memory</c>: recently rendered images kept in memory.</summary>
internal sealed class CacheMemoryOptions
{
    /// <summary>Megabytes; 0 = no memory cache.</summary>
    [Range(0, 1_048_576, ErrorMessage = "must be between {1} and {2} megabytes; 0 turns the memory cache off")]
    public int MaxSizeMegabytes { get; set; } = 256;
}

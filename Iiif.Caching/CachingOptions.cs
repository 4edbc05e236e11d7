namespace Iiif.Caching;

/// <summary>Settings of every cache, shaped like the host's <c>cache</c> configuration section so that it binds
/// directly: durations in seconds, sizes in the unit their name says. Zero sizes turn a tier off, zero clean ages mean
/// "never delete".</summary>
public sealed class CachingOptions
{
    /// <summary>Folder of the disk tier (absolute once the host has resolved it). Derivatives live under
    /// <c>{Root}/derivatives</c>.</summary>
    public string Root { get; set; } = "cache";

    /// <summary>The info (image facts) cache.</summary>
    public CacheInfoOptions Info { get; set; } = new();

    /// <summary>Rendered images on disk.</summary>
    public CacheDerivativesOptions Derivatives { get; set; } = new();

    /// <summary>Rendered images in memory.</summary>
    public CacheMemoryOptions Memory { get; set; } = new();

    /// <summary>How long unused rendered images stay on disk.</summary>
    public CacheCleanOptions Clean { get; set; } = new();

    /// <summary>The host's warming endpoint.</summary>
    public CacheWarmOptions Warm { get; set; } = new();

    /// <summary>The shared (Redis) tier.</summary>
    public CacheRedisOptions Redis { get; set; } = new();
}

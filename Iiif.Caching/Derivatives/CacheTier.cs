namespace Iiif.Caching.Derivatives;

/// <summary>Where a derivative came from (logged as the old <c>cache</c>/<c>found</c> keys and counted per tier).</summary>
public enum CacheTier
{
    /// <summary>The in-memory hot tier.</summary>
    Memory,

    /// <summary>The disk tier.</summary>
    Disk,

    /// <summary>The shared tier (Redis) other instances fill.</summary>
    Shared,

    /// <summary>Not cached: rendered for this request (or by a concurrent request this one waited for).</summary>
    Rendered,
}

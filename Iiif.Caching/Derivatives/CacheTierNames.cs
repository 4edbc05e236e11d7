namespace Iiif.Caching.Derivatives;

/// <summary>The names tiers go by in statistics, logs, metrics and reports: one spelling everywhere.</summary>
public static class CacheTierNames
{
    /// <summary>The in-memory tier.</summary>
    public const string Memory = "memory";

    /// <summary>The disk tier.</summary>
    public const string Disk = "disk";

    /// <summary>The shared (Redis) tier.</summary>
    public const string Shared = "shared";

    /// <summary>Not from a cache: rendered for the request.</summary>
    public const string Rendered = "rendered";
}

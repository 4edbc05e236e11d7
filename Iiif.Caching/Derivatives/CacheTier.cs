namespace Iiif.Caching.Derivatives;

/// <summary>Where a derivative came from: the name of the tier that held it (logged as the old <c>cache</c>/<c>found</c>
/// keys and counted per tier), or <see cref="Rendered"/>. A value rather than an enum, so a new tier names itself without
/// editing this type.</summary>
/// <param name="Name">The tier's name in statistics, logs, metrics and reports.</param>
public readonly record struct CacheTier(string Name)
{
    /// <summary>The in-memory hot tier.</summary>
    public static CacheTier Memory { get; } = new(CacheTierNames.Memory);

    /// <summary>The disk tier.</summary>
    public static CacheTier Disk { get; } = new(CacheTierNames.Disk);

    /// <summary>The shared tier (Redis) other instances fill.</summary>
    public static CacheTier Shared { get; } = new(CacheTierNames.Shared);

    /// <summary>Not cached: rendered for this request (or by a concurrent request this one waited for).</summary>
    public static CacheTier Rendered { get; } = new(CacheTierNames.Rendered);

    /// <summary>True when a cache tier answered, false for a fresh render.</summary>
    public bool IsHit => this != Rendered;

    /// <inheritdoc/>
    public override string ToString() => Name;
}

namespace Iiif.Caching;

/// <summary><c>cache.warm</c>: the host's endpoint that pre-renders every profile tail for one identifier.</summary>
public sealed class CacheWarmOptions
{
    /// <summary>The values <see cref="ClearWith"/> accepts; the old server's <c>false</c> is read as <c>none</c>.</summary>
    public static readonly IReadOnlyList<string> ClearWithValues = ["id", "profile", "none"];

    /// <summary>Serve the warming endpoint.</summary>
    public bool Enabled { get; set; }

    /// <summary>id, profile or none (lower case once the host has normalised it).</summary>
    public string ClearWith { get; set; } = "id";
}

namespace Iiif.Web.Configuration;

/// <summary><c>cache.warm</c>: the endpoint that pre-renders every profile tail for one identifier.</summary>
internal sealed class CacheWarmOptions
{
    /// <summary>The values <see cref="ClearWith"/> accepts; the old server's <c>false</c> is read as <c>none</c>.</summary>
    public static readonly IReadOnlyList<string> ClearWithValues = ["id", "profile", "none"];

    public bool Enabled { get; set; }

    /// <summary>id, profile or none (lower case after start-up).</summary>
    public string ClearWith { get; set; } = "id";
}

namespace Iiif.Web.Configuration;

/// <summary>The <c>cache</c> section: file, memory and Redis caches, cleaning and warming. Durations in seconds.</summary>
internal sealed class CacheOptions
{
    public const string SectionName = "cache";

    /// <summary>Folder of the file caches; absolute after start-up (relative values resolve against the content root).</summary>
    public string Root { get; set; } = "cache";

    public CacheInfoOptions Info { get; set; } = new();

    public CacheDerivativesOptions Derivatives { get; set; } = new();

    public CacheMemoryOptions Memory { get; set; } = new();

    public CacheCleanOptions Clean { get; set; } = new();

    public CacheWarmOptions Warm { get; set; } = new();

    public CacheRedisOptions Redis { get; set; } = new();
}

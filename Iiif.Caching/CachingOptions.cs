namespace Iiif.Caching;

/// <summary>Settings of every cache tier. The host maps its own configuration onto these (durations as
/// <see cref="TimeSpan"/>, sizes in bytes); zero sizes turn a tier off, zero clean ages mean "never delete".</summary>
public sealed class CachingOptions
{
    /// <summary>Folder of the disk tier (absolute). Derivatives live under <c>{Root}/derivatives</c>.</summary>
    public string Root { get; set; } = "cache";

    /// <summary>How long an info entry lives in memory.</summary>
    public TimeSpan InfoTimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often expired info entries are swept.</summary>
    public TimeSpan InfoCheckPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most info entries kept in memory (each entry counts 1).</summary>
    public int InfoMaxEntries { get; set; } = 100_000;

    /// <summary>Keep rendered derivatives on disk.</summary>
    public bool DiskEnabled { get; set; } = true;

    /// <summary>Disk tier cap in bytes; least recently served entries go first. 0 = unlimited.</summary>
    public long DiskMaxBytes { get; set; }

    /// <summary>Free space kept on the disk tier's filesystem, in bytes: when other files (or the cache) leave less, the least
    /// recently served entries are evicted. 0 = only evict when a store finds the filesystem full.</summary>
    public long DiskMinFreeBytes { get; set; }

    /// <summary>Memory tier cap in bytes (hot tiles); 0 = no memory tier.</summary>
    public long MemoryMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest single derivative kept in the memory tier, in bytes.</summary>
    public long MemoryMaxItemBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Largest derivative stored in the shared (distributed) tier, in bytes.</summary>
    public long SharedMaxItemBytes { get; set; } = 512L * 1024;

    /// <summary>StackExchange.Redis connection string of the shared tier; empty = no shared tier.</summary>
    public string RedisConfiguration { get; set; } = string.Empty;

    /// <summary>How long the shared tier is left alone after it failed, before it is tried again.</summary>
    public TimeSpan SharedRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Age since last served after which a profile derivative is deleted by the cleaner; zero = never.</summary>
    public TimeSpan CleanProfileAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Age since last served after which any other derivative is deleted by the cleaner; zero = never.</summary>
    public TimeSpan CleanOtherAfter { get; set; } = TimeSpan.FromDays(1);
}

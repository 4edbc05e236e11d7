using System.Globalization;

namespace Iiif.Web.Configuration;

/// <summary>One memory total split into the shares the server's caches and buffer pool draw from. A share set by its own
/// key is taken as it is; the rest of the total is divided among the others by their weights.</summary>
/// <param name="TotalMegabytes">memory.budgetMegabytes.</param>
/// <param name="Shares">Every share, in <see cref="Weights"/> order.</param>
internal sealed record MemoryBudget(int TotalMegabytes, IReadOnlyList<MemoryShare> Shares)
{
    public const string DecodedImages = "decoded_images";
    public const string DecodedBlocks = "decoded_blocks";
    public const string DerivativesMemory = "derivatives_memory";
    public const string ImageSharpPool = "imagesharp_pool";
    public const string RemoteSources = "remote_sources";

    /// <summary>Each share's key (null: not configurable yet) and weight, in twelfths of what is left to divide. Decoded
    /// images get a third because that share is also the largest whole-decoded (JPEG, PNG...) source accepted: 256 MB
    /// of the default budget takes a 10000x7500 colour image. Decoded JPEG 2000 and TIFF blocks get as much, so the
    /// default holds every full-resolution block of such an image (225 MB): a viewer's walk over all of them, repeated
    /// by the next viewer, then decodes each block once instead of missing every block of a least-recently-used cycle
    /// slightly larger than the cache. The rendered-image tier holds small hot tiles; the pool only needs to cover the
    /// renders in flight (one per core, one thread each); remote sources' byte-range
    /// cache keeps header and index ranges and the tile-parts in flight.</summary>
    public static IReadOnlyList<(string Name, string? Key, int Weight)> Weights { get; } =
    [
        (DecodedImages, "imaging.memoryBudgetMegabytes", 4),
        (DecodedBlocks, "imaging.blockCacheMegabytes", 4),
        (DerivativesMemory, "cache.memory.maxSizeMegabytes", 2),
        (ImageSharpPool, "imaging.maximumPoolSizeMegabytes", 1),
        (RemoteSources, "sources.rangeCache.memoryMegabytes", 1),
    ];

    /// <summary>Splits <paramref name="totalMegabytes"/>; <paramref name="explicitMegabytes"/> holds the shares set by
    /// their own key, by name. Shares never go below 0, even when the explicit ones exceed the total (which
    /// <see cref="Problem"/> reports).</summary>
    public static MemoryBudget Split(int totalMegabytes, IReadOnlyDictionary<string, int> explicitMegabytes)
    {
        ArgumentNullException.ThrowIfNull(explicitMegabytes);
        var rest = Math.Max(0L, totalMegabytes - explicitMegabytes.Values.Sum(v => (long)v));
        var openWeight = Weights.Where(w => !explicitMegabytes.ContainsKey(w.Name)).Sum(w => w.Weight);
        var shares = Weights.Select(w => explicitMegabytes.TryGetValue(w.Name, out var set)
                ? new MemoryShare(w.Name, w.Key, set, true)
                : new MemoryShare(w.Name, w.Key, (int)(rest * w.Weight / openWeight), false))
            .ToList();
        return new MemoryBudget(totalMegabytes, shares);
    }

    /// <summary>Megabytes of the named share.</summary>
    public int this[string name] => Shares.Single(s => s.Name == name).Megabytes;

    /// <summary>Why the explicit shares do not fit the total, or null when they do.</summary>
    public string? Problem()
    {
        var set = Shares.Where(s => s.IsExplicit).ToList();
        var sum = set.Sum(s => (long)s.Megabytes);
        return sum <= TotalMegabytes
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the shares set on their own ({string.Join(" + ", set.Select(s => $"{s.Key} {s.Megabytes}"))} = {sum} MB) exceed the budget of {TotalMegabytes} MB; raise memory.budgetMegabytes or lower them");
    }
}

/// <summary>One share of the <see cref="MemoryBudget"/>.</summary>
/// <param name="Name">Its name in /metrics (iiif_memory_budget_bytes{share}).</param>
/// <param name="Key">The key that overrides it, or null.</param>
/// <param name="Megabytes">Its size.</param>
/// <param name="IsExplicit">True when its key set it; false when it was drawn from the total.</param>
internal sealed record MemoryShare(string Name, string? Key, int Megabytes, bool IsExplicit);

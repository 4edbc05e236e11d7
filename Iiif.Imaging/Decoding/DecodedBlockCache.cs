using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Decoding;

/// <summary>The one cache of decoded source blocks (JPEG 2000 tiles at a reduction, TIFF tiles and strips) that the tiled
/// decoders share: one byte budget (<see cref="DecodedBlockCacheOptions.BlockCacheMegabytes"/>), one decode per block
/// however many requests wait for it, leases so eviction never frees pixels a request still reads. Reported as
/// <c>decoded-blocks</c>.</summary>
/// <remarks>A block is decoded without the first requester's cancellation token: the waiters behind it would otherwise
/// all fail with that request's cancellation. Keys carry the source's location and version, so a replaced file's blocks
/// are never reused; they simply age out.</remarks>
internal sealed class DecodedBlockCache : ICacheStatisticsSource, IDisposable
{
    /// <summary>The cache name in statistics.</summary>
    public const string Name = "decoded-blocks";

    private readonly DecodedImageCache? _cache;

    public DecodedBlockCache(IOptions<DecodedBlockCacheOptions> options)
        : this(BudgetOf(options))
    {
    }

    /// <summary>A cache of <paramref name="budgetBytes"/> (0 = off), for tests that need a budget in bytes.</summary>
    internal DecodedBlockCache(long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        _cache = budgetBytes > 0 ? new DecodedImageCache(budgetBytes, Name) : null;
    }

    /// <summary>The largest block kept, in bytes: a quarter of the budget, so a few blocks always fit (0 when off).</summary>
    public long MaxBlockBytes => _cache is null ? 0 : _cache.BudgetBytes / 4;

    /// <summary>The underlying cache, or null when the budget is 0 (for tests).</summary>
    internal DecodedImageCache? Images => _cache;

    /// <summary>True when a block of <paramref name="bytes"/> decoded bytes is kept.</summary>
    public bool CanHold(long bytes) => _cache is not null && bytes <= MaxBlockBytes;

    /// <summary>A lease on the block for <paramref name="key"/>, decoding it with <paramref name="decode"/> when absent
    /// (charged <paramref name="estimatedBytes"/> until it is measured). Only for blocks <see cref="CanHold"/> accepts.</summary>
    public DecodedImageLease Acquire(DecodedImageKey key, long estimatedBytes, Func<Image> decode)
    {
        if (_cache is null)
        {
            throw new InvalidOperationException("The decoded-block cache is off.");
        }

        return _cache.TryAcquire(key) ?? _cache.Acquire(key, estimatedBytes, decode);
    }

    /// <inheritdoc/>
    public IReadOnlyList<CacheStatistics> GetStatistics() =>
        [_cache?.Statistics ?? new CacheStatistics(Name, "memory", 0, 0, 0, 0)];

    /// <inheritdoc/>
    public void Dispose() => _cache?.Dispose();

    private static long BudgetOf(IOptions<DecodedBlockCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var budget = options.Value.BlockCacheBytes;
        ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(options));
        return budget;
    }
}

using Microsoft.Extensions.Caching.Distributed;

namespace Iiif.Caching.Shared;

/// <summary>Counts reads of the shared tier that found or missed a value, for <c>GetStatistics</c>. Only keys with
/// <paramref name="countedPrefix"/> are lookups; HybridCache's own records (tag invalidations) are not counted.</summary>
internal sealed class CountingDistributedCache(IDistributedCache inner, string countedPrefix) : IDistributedCache
{
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public byte[]? Get(string key) => Count(key, inner.Get(key));

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        Count(key, await inner.GetAsync(key, token).ConfigureAwait(false));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        inner.SetAsync(key, value, options, token);

    public void Refresh(string key) => inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

    public void Remove(string key) => inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

    private byte[]? Count(string key, byte[]? value)
    {
        if (key.StartsWith(countedPrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref value is null ? ref _misses : ref _hits);
        }

        return value;
    }
}

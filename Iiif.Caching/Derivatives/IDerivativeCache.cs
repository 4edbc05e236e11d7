using Iiif.Core.Diagnostics;

namespace Iiif.Caching.Derivatives;

/// <summary>Rendered images in tiers (memory, disk, shared), with one render per key however many requests miss at once.</summary>
public interface IDerivativeCache : ICacheStatisticsSource
{
    /// <summary>Serves the entry for <paramref name="key"/> from the first tier that has an intact copy (promoting it to
    /// faster tiers); on a miss, or always in <see cref="DerivativeCacheMode.Refresh"/>, calls <paramref name="render"/> once
    /// for all concurrent callers of the same key, stores the bytes in every enabled tier (only in memory in
    /// <see cref="DerivativeCacheMode.MemoryOnly"/>, which also looks in no other tier) and returns them. The render
    /// callback writes the encoded image into the stream it is given and says whether it did; when it declines
    /// (<see cref="RenderOutcome.Declined"/>) nothing is stored and every waiting caller gets null. An exception from it
    /// reaches every waiting caller and nothing is stored; the render is cancelled only when every waiting caller has
    /// cancelled.</summary>
    ValueTask<CachedDerivative?> GetOrRenderAsync(
        DerivativeKey key,
        DerivativeMetadata metadata,
        Func<Stream, CancellationToken, Task<RenderOutcome>> render,
        DerivativeCacheMode mode,
        CancellationToken cancellationToken);

    /// <summary>Deletes every derivative of <paramref name="identifier"/> from the local tiers (the shared tier's
    /// entries stop matching once the source changes, and expire). With <paramref name="profilesOnly"/>, only entries
    /// stored as profile derivatives. Returns the number of entries removed.</summary>
    Task<int> PurgeAsync(string identifier, bool profilesOnly, CancellationToken cancellationToken);

    /// <summary>Deletes every derivative from the local tiers. Returns the number of entries removed.</summary>
    Task<int> PurgeAllAsync(CancellationToken cancellationToken);
}

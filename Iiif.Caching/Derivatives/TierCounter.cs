namespace Iiif.Caching.Derivatives;

/// <summary>Hits and misses of one tier since start-up.</summary>
internal sealed class TierCounter
{
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public void Count(bool hit) => Interlocked.Increment(ref hit ? ref _hits : ref _misses);
}

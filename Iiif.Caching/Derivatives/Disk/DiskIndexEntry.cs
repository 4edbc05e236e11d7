namespace Iiif.Caching.Derivatives.Disk;

/// <summary>What the index knows of one disk entry: enough to pick eviction victims and to age entries for the cleaner
/// without opening files.</summary>
internal sealed class DiskIndexEntry(long length, bool isProfile, DateTimeOffset lastServed, DateTimeOffset persisted)
{
    private long _lastServedTicks = lastServed.UtcTicks;
    private long _persistedTicks = persisted.UtcTicks;

    public long Length { get; } = length;

    public bool IsProfile { get; } = isProfile;

    public DateTimeOffset LastServed => new(Interlocked.Read(ref _lastServedTicks), TimeSpan.Zero);

    /// <summary>The last-served time the sidecar on disk holds.</summary>
    public DateTimeOffset Persisted => new(Interlocked.Read(ref _persistedTicks), TimeSpan.Zero);

    public void Served(DateTimeOffset when)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _lastServedTicks);
            if (seen >= when.UtcTicks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _lastServedTicks, when.UtcTicks, seen) != seen);
    }

    public void MarkPersisted(DateTimeOffset when) => Interlocked.Exchange(ref _persistedTicks, when.UtcTicks);
}

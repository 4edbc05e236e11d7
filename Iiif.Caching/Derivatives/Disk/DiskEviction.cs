namespace Iiif.Caching.Derivatives.Disk;

/// <summary>Evicts the least recently served disk entries: to stay under <see cref="CacheDerivativesOptions.MaxBytes"/>, and to
/// keep <see cref="CacheDerivativesOptions.MinFreeBytes"/> free on the filesystem, which other files may fill long before the
/// cache reaches its own cap (the cap counts only what the cache stored).</summary>
internal sealed class DiskEviction(DiskDerivativeStore store, CachingOptions options, TimeProvider time)
{
    /// <summary>How often free space is looked at after a store (one statfs; cheap, but not per tile).</summary>
    public static readonly TimeSpan FreeSpaceCheckInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _evicting = new();
    private long _spaceCheckedAt = long.MinValue;
    private long _evictions;

    /// <summary>Entries evicted since start-up.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>Bytes free to this process on the filesystem holding <paramref name="path"/> (or its nearest existing
    /// parent), or null when that cannot be read.</summary>
    public static long? FreeBytes(string path)
    {
        try
        {
            var existing = Path.GetFullPath(path);
            while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                existing = parent;
            }

            return new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>After a store: evicts down to 90% of the cap when over it, and makes room when free space has fallen
    /// below the configured minimum (checked at most once per <see cref="FreeSpaceCheckInterval"/>).</summary>
    public async Task AfterStoreAsync()
    {
        var maxBytes = options.Derivatives.MaxBytes;
        if (maxBytes > 0 && store.Index.TotalBytes > maxBytes)
        {
            await store.WaitForIndexAsync().ConfigureAwait(false);
            var target = maxBytes / 10 * 9; // so the next few writes do not each trigger another pass
            var (count, bytes) = EvictWhile(() => store.Index.TotalBytes > target);
            Log.DiskEvicted(store.Logger, count, bytes);
        }

        if (options.Derivatives.MinFreeBytes > 0 && SpaceCheckDue())
        {
            await MakeRoomAsync(0).ConfigureAwait(false);
        }
    }

    /// <summary>Evicts until <paramref name="length"/> more bytes fit above the free-space minimum (plus a tenth of it, so
    /// the next stores do not each evict again); returns whether anything was evicted or the space is there now.</summary>
    public async Task<bool> MakeRoomAsync(long length)
    {
        await store.WaitForIndexAsync().ConfigureAwait(false);
        var root = store.Layout.DerivativesRoot;
        var wanted = length + options.Derivatives.MinFreeBytes;
        if (FreeBytes(root) is not { } free)
        {
            return false;
        }

        if (free >= wanted)
        {
            return true;
        }

        // Index lengths stand in for the space a deletion frees (the filesystem's block rounding makes it a little more).
        var toFree = wanted - free + Math.Max(options.Derivatives.MinFreeBytes / 10, length);
        var freed = 0L;
        var (count, bytes) = EvictWhile(() => freed < toFree, length => freed += length);
        if (count > 0)
        {
            Log.DiskEvictedForSpace(store.Logger, store.Layout.DerivativesRoot, free, count, bytes);
        }

        return count > 0;
    }

    private bool SpaceCheckDue()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _spaceCheckedAt);
        return (last == long.MinValue || time.GetElapsedTime(last, now) >= FreeSpaceCheckInterval)
            && Interlocked.CompareExchange(ref _spaceCheckedAt, now, last) == last;
    }

    private (int Count, long Bytes) EvictWhile(Func<bool> more, Action<long>? evicted = null)
    {
        lock (_evicting)
        {
            var (count, bytes) = (0, 0L);
            foreach (var (path, entry) in store.Index.Snapshot().OrderBy(e => e.Value.LastServed))
            {
                if (!more())
                {
                    break;
                }

                store.DeleteEntry(path);
                Interlocked.Increment(ref _evictions);
                evicted?.Invoke(entry.Length);
                (count, bytes) = (count + 1, bytes + entry.Length);
            }

            return (count, bytes);
        }
    }
}

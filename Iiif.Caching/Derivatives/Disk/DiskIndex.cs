namespace Iiif.Caching.Derivatives.Disk;

/// <summary>In-memory record of the disk entries (data path -> length, profile flag, last served) and their total size,
/// for the size cap and the cleaner. Filled by a background scan of the sidecars at start-up so start-up is not blocked;
/// until the scan ends it may miss entries, so reads never trust it and always look on disk.</summary>
internal sealed class DiskIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DiskIndexEntry> _entries = new(StringComparer.Ordinal);
    private long _totalBytes;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    public IReadOnlyList<KeyValuePair<string, DiskIndexEntry>> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public bool TryGet(string dataPath, out DiskIndexEntry entry)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(dataPath, out entry!);
        }
    }

    /// <summary>Records a freshly written entry, replacing any older record of the same path.</summary>
    public void Set(string dataPath, DiskIndexEntry entry)
    {
        lock (_gate)
        {
            var old = _entries.TryGetValue(dataPath, out var existing) ? existing.Length : 0;
            _entries[dataPath] = entry;
            Interlocked.Add(ref _totalBytes, entry.Length - old);
        }
    }

    /// <summary>Records an entry found on disk (scan or read) unless a record exists already; returns the record kept.</summary>
    public DiskIndexEntry AddFound(string dataPath, DiskIndexEntry entry)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(dataPath, out var existing))
            {
                existing.Served(entry.LastServed);
                return existing;
            }

            _entries[dataPath] = entry;
            Interlocked.Add(ref _totalBytes, entry.Length);
            return entry;
        }
    }

    public bool Remove(string dataPath)
    {
        lock (_gate)
        {
            if (_entries.Remove(dataPath, out var removed))
            {
                Interlocked.Add(ref _totalBytes, -removed.Length);
                return true;
            }

            return false;
        }
    }

    public void RemoveUnder(string folder)
    {
        lock (_gate)
        {
            foreach (var path in _entries.Keys.Where(p => p.StartsWith(folder, StringComparison.Ordinal)).ToList())
            {
                _entries.Remove(path, out var removed);
                Interlocked.Add(ref _totalBytes, -removed!.Length);
            }
        }
    }
}

namespace Iiif.Caching.Internal;

/// <summary>Which memory-cache keys belong to which identifier (the group), so one identifier's entries can be removed without
/// scanning the cache. Entries are removed by (key, value) pair so a late eviction callback of a replaced entry cannot
/// drop the index record of its successor.</summary>
internal sealed class KeyIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<object, object>> _groups = new(StringComparer.Ordinal);

    public void Add(string group, object key, object value)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(group, out var keys))
            {
                keys = [];
                _groups[group] = keys;
            }

            keys[key] = value;
        }
    }

    public void Remove(string group, object key, object value)
    {
        lock (_gate)
        {
            if (_groups.TryGetValue(group, out var keys) && keys.TryGetValue(key, out var current)
                && ReferenceEquals(current, value))
            {
                keys.Remove(key);
                if (keys.Count == 0)
                {
                    _groups.Remove(group);
                }
            }
        }
    }

    public IReadOnlyList<KeyValuePair<object, object>> Get(string group)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(group, out var keys) ? [.. keys] : [];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _groups.Clear();
        }
    }
}

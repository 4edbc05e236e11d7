using System.Collections.Concurrent;

namespace Iiif.Imaging.Jpeg;

/// <summary>Idle native codec objects kept for reuse: creating one sets up a whole libjpeg object, a noticeable share of
/// a small tile's work. Thread-safe; holds at most a few idle objects per core and disposes the rest.</summary>
internal class IdlePool<T> : IDisposable
    where T : class, IDisposable
{
    private readonly ConcurrentBag<T> _idle = [];
    private readonly int _maxIdle = Math.Max(2, Environment.ProcessorCount * 2);
    private readonly Func<T> _create;
    private readonly Action<T>? _onReturn;
    private bool _disposed;

    /// <summary>A pool making new objects with <paramref name="create"/>; <paramref name="onReturn"/> (if any) runs on
    /// every object given back, before it is kept or disposed.</summary>
    public IdlePool(Func<T> create, Action<T>? onReturn = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = create;
        _onReturn = onReturn;
    }

    /// <summary>An idle object, or a new one. Give it back with <see cref="Return"/>.</summary>
    public T Rent() => _idle.TryTake(out var item) ? item : _create();

    /// <summary>Takes <paramref name="item"/> back for reuse, or disposes it when enough are idle.</summary>
    public void Return(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _onReturn?.Invoke(item);
        if (Volatile.Read(ref _disposed) || _idle.Count >= _maxIdle)
        {
            item.Dispose();
            return;
        }

        _idle.Add(item);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var item))
        {
            item.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

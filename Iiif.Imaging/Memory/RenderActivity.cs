namespace Iiif.Imaging.Memory;

/// <summary>Whether renders are running, and since when none has: what tells the <see cref="MemoryTrimmer"/> the server
/// is idle.</summary>
public sealed class RenderActivity(TimeProvider time)
{
    private int _inFlight;
    private long _lastEnded = time.GetTimestamp();

    /// <summary>Renders running now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Counts a render from here until the returned scope is disposed.</summary>
    public Scope Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new Scope(this);
    }

    /// <summary>How long no render has run; zero while one runs.</summary>
    public TimeSpan Idle => InFlight > 0 ? TimeSpan.Zero : time.GetElapsedTime(Interlocked.Read(ref _lastEnded));

    private void End()
    {
        Interlocked.Exchange(ref _lastEnded, time.GetTimestamp());
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>One running render.</summary>
    public readonly struct Scope(RenderActivity activity) : IDisposable
    {
        /// <summary>Ends the render.</summary>
        public void Dispose() => activity.End();
    }
}

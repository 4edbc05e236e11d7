using System.Runtime;

namespace Iiif.Imaging.Memory;

/// <summary>Gives memory the server keeps for reuse back to the system: ImageSharp's pooled buffers, the free parts of
/// the C heap (OpenJPEG's and ImageSharp's unmanaged buffers come and go there, and glibc keeps freed pages) and, when
/// idle, the managed heap's free space. Call
/// <see cref="TrimIfDue"/> every few seconds.</summary>
/// <remarks>Trims once after renders stop for <see cref="IdleDelay"/> (a server left alone shrinks back to its caches),
/// and, while busy, at most every <see cref="PressureInterval"/> when the process's resident memory is above
/// <paramref name="pressureBytes"/> or the machine runs short (the GC's high memory load). Caches are never emptied
/// here: they are bounded by their own budgets.</remarks>
public sealed class MemoryTrimmer(ImageSharpPool pool, RenderActivity activity, TimeProvider time, long pressureBytes)
{
    /// <summary>How long without renders counts as idle.</summary>
    public static readonly TimeSpan IdleDelay = TimeSpan.FromMinutes(1);

    /// <summary>Shortest time between two trims under pressure (a trim walks every heap arena).</summary>
    public static readonly TimeSpan PressureInterval = TimeSpan.FromSeconds(10);

    private long _lastTrim = long.MinValue;
    private bool _trimmedSinceLastRender;

    /// <summary>Why memory was trimmed now, or null when it was not due.</summary>
    public string? TrimIfDue(long residentBytes)
    {
        var idle = activity.Idle;
        if (idle == TimeSpan.Zero)
        {
            _trimmedSinceLastRender = false;
        }

        string? reason = null;
        if (idle >= IdleDelay && !_trimmedSinceLastRender)
        {
            reason = "idle";
        }
        else if (IsUnderPressure(residentBytes) && (_lastTrim == long.MinValue || time.GetElapsedTime(_lastTrim) >= PressureInterval))
        {
            reason = "pressure";
        }

        if (reason is not null)
        {
            Trim(compactManagedHeap: reason == "idle");
            _trimmedSinceLastRender = idle > TimeSpan.Zero;
        }

        return reason;
    }

    /// <summary>Releases the pool and trims the C heap now; with <paramref name="compactManagedHeap"/> also runs a
    /// compacting collection that returns the managed heap's free space (encode buffers of past renders linger in the
    /// large object heap). That one blocks every thread, so it is kept for idle moments.</summary>
    public void Trim(bool compactManagedHeap)
    {
        pool.Release();
        if (compactManagedHeap)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        NativeHeap.Trim();
        _lastTrim = time.GetTimestamp();
    }

    private bool IsUnderPressure(long residentBytes)
    {
        if (residentBytes > pressureBytes)
        {
            return true;
        }

        var gc = GC.GetGCMemoryInfo();
        return gc.HighMemoryLoadThresholdBytes > 0 && gc.MemoryLoadBytes >= gc.HighMemoryLoadThresholdBytes;
    }
}

using Iiif.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Iiif.Caching.Derivatives.Disk;

/// <summary>Whether the disk tier can store, from what its writes (and a small probe) find. A failing disk never fails
/// a request: the rendered image is still served, just not kept. Failures are logged as one line per
/// <see cref="LogInterval"/> with the reason and a count, not one line with a stack trace per store: a full disk at
/// hundreds of tiles a second would otherwise fill the log disk too.</summary>
internal sealed class DiskHealth(string root, TimeProvider time, ILogger logger)
{
    /// <summary>How often a continuing failure is logged again (with the count since the last line).</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    private const int NoSpace = 28; // ENOSPC
    private const int ReadOnlyFileSystem = 30; // EROFS
    private const int QuotaExceeded = 122; // EDQUOT

    private readonly Lock _gate = new();
    private string _state = CacheTierStates.Ok;
    private string? _reason;
    private DateTimeOffset? _since;
    private long _failures;
    private int _failedSinceLog;
    private long _loggedAt;

    /// <summary>True while the last store (or probe) failed for want of space.</summary>
    public bool IsFull
    {
        get
        {
            lock (_gate)
            {
                return _state == CacheTierStates.Full;
            }
        }
    }

    public CacheTierHealth Snapshot()
    {
        lock (_gate)
        {
            return new CacheTierHealth(CacheTierNames.Disk, _state, _reason, _since, Interlocked.Read(ref _failures), IsLocal: true);
        }
    }

    /// <summary>A store succeeded: the tier works (again).</summary>
    public void Stored()
    {
        if (Volatile.Read(ref _state) == CacheTierStates.Ok)
        {
            return;
        }

        lock (_gate)
        {
            if (_state == CacheTierStates.Ok)
            {
                return;
            }

            (_state, _reason, _since, _failedSinceLog) = (CacheTierStates.Ok, null, time.GetUtcNow(), 0);
        }

        Log.DiskStoresAgain(logger, root);
    }

    /// <summary>A probe write succeeded: the folder is writable, which ends an unwritable state (a full one ends only when
    /// a real store succeeds, since a one-byte probe fits where an image does not).</summary>
    public void Writable()
    {
        if (Snapshot().State == CacheTierStates.Unwritable)
        {
            Stored();
        }
    }

    /// <summary>A store or probe failed with <paramref name="exception"/>; returns true when it was for want of space.</summary>
    public bool Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Interlocked.Increment(ref _failures);
        var (state, reason) = Classify(exception);
        int count;
        lock (_gate)
        {
            var changed = _state != state || _reason != reason;
            if (changed)
            {
                (_state, _reason, _since) = (state, reason, time.GetUtcNow());
            }

            _failedSinceLog++;
            if (!changed && time.GetElapsedTime(_loggedAt) < LogInterval)
            {
                return state == CacheTierStates.Full;
            }

            (count, _failedSinceLog, _loggedAt) = (_failedSinceLog, 0, time.GetTimestamp());
        }

        Log.DiskStoresFailing(logger, root, reason, count, LogInterval);
        return state == CacheTierStates.Full;
    }

    /// <summary>The state and an operator's reason for an I/O failure (no path: readiness answers the public).</summary>
    internal static (string State, string Reason) Classify(Exception exception) => exception switch
    {
        IOException { HResult: NoSpace } => (CacheTierStates.Full, "no space left on the cache disk"),
        IOException { HResult: QuotaExceeded } => (CacheTierStates.Full, "disk quota of the cache folder exceeded"),
        IOException { HResult: ReadOnlyFileSystem } => (CacheTierStates.Unwritable, "the cache folder is on a read-only file system"),
        UnauthorizedAccessException => (CacheTierStates.Unwritable, "no permission to write to the cache folder"),
        DirectoryNotFoundException => (CacheTierStates.Unwritable, "the cache folder is missing and cannot be created"),
        _ => (CacheTierStates.Unwritable, "the cache folder cannot be written: " + exception.GetType().Name),
    };
}

using Microsoft.Extensions.Logging;

namespace Iiif.Caching;

/// <summary>Every log line of the caches, source-generated, with stable event ids, so log searches and alerts survive code changes.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Shared cache unavailable; serving from local tiers and rendering, next try in {RetryAfter}")]
    public static partial void SharedCacheUnavailable(ILogger logger, TimeSpan retryAfter, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Shared cache is available again")]
    public static partial void SharedCacheRecovered(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Corrupt disk derivative {Path} ({Reason}); deleted, it will be rendered again")]
    public static partial void CorruptDiskEntry(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Disk cache under {Root} cannot store: {Reason}; {Count} store(s) failed since the last report (reported at most once per {Interval}). Rendered images are served but not kept on disk")]
    public static partial void DiskStoresFailing(ILogger logger, string root, string reason, int count, TimeSpan interval);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Could not store derivative {Key} in the shared cache")]
    public static partial void SharedWriteFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
        Message = "Corrupt shared derivative {Key} ({Reason}); ignored, it will be rendered again")]
    public static partial void CorruptSharedEntry(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information,
        Message = "Disk cache over its cap: evicted {Count} least recently served entries ({Bytes} bytes)")]
    public static partial void DiskEvicted(ILogger logger, int count, long bytes);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Could not scan the disk cache index under {Root}")]
    public static partial void DiskScanFailed(ILogger logger, string root, Exception exception);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Could not delete {Path}")]
    public static partial void DeleteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information,
        Message = "Cache clean: examined {Examined}, deleted {Deleted} ({Bytes} bytes), removed {Folders} empty folders")]
    public static partial void Cleaned(ILogger logger, int examined, int deleted, long bytes, int folders);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "Derivative {Key} served from {Tier}")]
    public static partial void DerivativeHit(ILogger logger, string key, string tier);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Disk cache under {Root} stores again")]
    public static partial void DiskStoresAgain(ILogger logger, string root);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information,
        Message = "Disk cache under {Root}: {Free} bytes free on its filesystem; evicted {Count} least recently served entries ({Bytes} bytes) to make room")]
    public static partial void DiskEvictedForSpace(ILogger logger, string root, long free, int count, long bytes);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information,
        Message = "Removed {Count} temporary file(s) that interrupted writes left under {Root}")]
    public static partial void StaleTempFilesRemoved(ILogger logger, int count, string root);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning,
        Message = "Shared cache unavailable: not connected to Redis ({Endpoint}); serving from local tiers and rendering until it reconnects by itself")]
    public static partial void SharedCacheDisconnected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Information,
        Message = "Derivative writes to the {Tier} tier: queue drained at shutdown ({Written} written since start)")]
    public static partial void WriteBehindDrained(ILogger logger, string tier, long written);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning,
        Message = "Derivative writes to the {Tier} tier: {Count} queued writes ({Bytes} bytes) dropped at shutdown after {Seconds} s of draining; those images render again when asked for")]
    public static partial void WriteBehindDropped(ILogger logger, string tier, long count, long bytes, double seconds);
}

using Iiif.Web.Logging;

namespace Iiif.Web;

/// <summary>Log messages of cache warming, purging and cleaning (event ids 400-499): the old <see cref="LogKeys.Cache"/>,
/// <see cref="LogKeys.Op"/> (warm, purge, clean) and <see cref="LogKeys.Img"/> keys, plus camelCase counts.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 400, EventName = "CacheWarmed", Level = LogLevel.Information,
        Message = "{cache} cache {op}: {img}, cleared {purged} entries ({clearWith}), {rendered} of {tails} profiles ready")]
    public static partial void CacheWarmed(ILogger logger, string cache, string op, string img, int purged, string clearWith,
        int rendered, int tails);

    /// <summary>One profile tail that warming could not render; reported, not thrown, so the other tails still run.</summary>
    [LoggerMessage(EventId = 401, EventName = "CacheWarmTailFailed", Level = LogLevel.Warning,
        Message = "{cache} cache {op}: {img}{tail} failed with {status}: {reason}")]
    public static partial void CacheWarmTailFailed(ILogger logger, string cache, string op, string img, string tail, int status,
        string reason);

    [LoggerMessage(EventId = 410, EventName = "CachePurged", Level = LogLevel.Information,
        Message = "{cache} cache {op}: {img}, {purged} entries removed")]
    public static partial void CachePurged(ILogger logger, string cache, string op, string img, int purged);

    [LoggerMessage(EventId = 420, EventName = "CacheCleaned", Level = LogLevel.Information,
        Message = "{cache} cache {op}: {examined} examined, {deleted} deleted, {bytesFreed} bytes freed, {foldersRemoved} folders removed")]
    public static partial void CacheCleaned(ILogger logger, string cache, string op, int examined, int deleted, long bytesFreed,
        int foldersRemoved);

    /// <summary>A background pass that failed; the next period tries again.</summary>
    [LoggerMessage(EventId = 421, EventName = "CacheCleanFailed", Level = LogLevel.Error,
        Message = "{cache} cache {op} failed; trying again in {period} s")]
    public static partial void CacheCleanFailed(ILogger logger, Exception exception, string cache, string op, int period);

    [LoggerMessage(EventId = 422, EventName = "CacheCleanerOff", Level = LogLevel.Information,
        Message = "{cache} cache {op}: no background cleaning ({reason})")]
    public static partial void CacheCleanerOff(ILogger logger, string cache, string op, string reason);
}

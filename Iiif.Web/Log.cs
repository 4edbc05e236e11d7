using Iiif.Web.Logging;

namespace Iiif.Web;

/// <summary>The web project's log messages. Placeholder names are the <see cref="LogKeys"/> property names, so each
/// value lands in the JSON log as a field of that name.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "ConfigurationError", Level = LogLevel.Critical,
        Message = "Configuration error, not starting: {failure}")]
    public static partial void ConfigurationError(ILogger logger, string failure);

    [LoggerMessage(EventId = 2, EventName = "StartupFailed", Level = LogLevel.Critical, Message = "Not starting: {failure}")]
    public static partial void StartupFailed(ILogger logger, string failure);

    [LoggerMessage(EventId = 100, EventName = "RequestCompleted",
        Message = "{method} {url} {status} [{res}] in {elapsedMs} ms, route {route}, ip {ip}")]
    public static partial void RequestCompleted(ILogger logger, LogLevel level, string method, string url, int status,
        string res, string route, string? ip, double elapsedMs);

    /// <summary>The request line of a request a cache answered or filled: the old keys <c>cache</c> and <c>found</c>, and
    /// the <c>tier</c> that served it (memory, disk, shared or rendered).</summary>
    [LoggerMessage(EventId = 101, EventName = "RequestCompletedCached",
        Message = "{method} {url} {status} [{res}] in {elapsedMs} ms, route {route}, ip {ip}, {cache} cache {found} from {tier}")]
    public static partial void RequestCompletedCached(ILogger logger, LogLevel level, string method, string url, int status,
        string res, string route, string? ip, double elapsedMs, string cache, string found, string tier);

    /// <summary>A cache lookup: <paramref name="found"/> is <see cref="LogValues.Hit"/> or <see cref="LogValues.Miss"/>.</summary>
    [LoggerMessage(EventId = 200, EventName = "CacheLookup", Level = LogLevel.Debug, Message = "{cache} cache {found}: {img}")]
    public static partial void CacheLookup(ILogger logger, string cache, string found, string img);

    /// <summary>A cache store: <paramref name="op"/> is <see cref="LogValues.Set"/> (memory) or <see cref="LogValues.Write"/> (file).</summary>
    [LoggerMessage(EventId = 201, EventName = "CacheStore", Level = LogLevel.Debug, Message = "{cache} cache {op}: {img}")]
    public static partial void CacheStore(ILogger logger, string cache, string op, string img);

    /// <summary>A validation step: <paramref name="test"/> is <see cref="LogValues.Params"/> or <see cref="LogValues.Info"/>.</summary>
    [LoggerMessage(EventId = 210, EventName = "RequestValidated", Level = LogLevel.Debug, Message = "{test} check: valid {valid}")]
    public static partial void RequestValidated(ILogger logger, string test, bool valid);
}

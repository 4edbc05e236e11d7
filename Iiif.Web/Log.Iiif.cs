namespace Iiif.Web;

/// <summary>Log messages of the IIIF endpoints (event ids 300-399).</summary>
internal static partial class Log
{
    /// <summary>A source that cannot be decoded: logged once, with the codec's own words (the client only learns 500).</summary>
    [LoggerMessage(EventId = 300, EventName = "SourceDecodeFailed", Level = LogLevel.Error,
        Message = "The source of {img} could not be read: {reason}")]
    public static partial void SourceDecodeFailed(ILogger logger, string img, string reason);

    [LoggerMessage(EventId = 301, EventName = "ClientDisconnected", Level = LogLevel.Information,
        Message = "The client went away before {img} was sent")]
    public static partial void ClientDisconnected(ILogger logger, string img);

    [LoggerMessage(EventId = 302, EventName = "RenderRejected", Level = LogLevel.Warning,
        Message = "No render slot came free for {img}: answered 503 ({heldBack} more declined since the last such warning)")]
    public static partial void RenderRejected(ILogger logger, string img, long heldBack);

    [LoggerMessage(EventId = 304, EventName = "SlowClientDropped", Level = LogLevel.Information,
        Message = "Closed the connection of a client too slow to read {url} ({ip}): it took {sent} of {length} bytes, then more than {timeoutSeconds} s for the next 64 KB (server.writeTimeoutSeconds)")]
    public static partial void SlowClientDropped(ILogger logger, string url, string? ip, long sent, long length, double timeoutSeconds);

    [LoggerMessage(EventId = 303, EventName = "UnhandledException", Level = LogLevel.Error,
        Message = "Unexpected failure of {url}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string url);
}

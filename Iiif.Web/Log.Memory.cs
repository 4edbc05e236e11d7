namespace Iiif.Web;

/// <summary>Log messages of memory housekeeping (event ids 500-509).</summary>
internal static partial class Log
{
    /// <summary>Debug: a trim is routine, and under load it may happen every few seconds.</summary>
    [LoggerMessage(EventId = 500, EventName = "MemoryTrimmed", Level = LogLevel.Debug,
        Message = "memory trimmed ({reason}): resident {residentBytes} bytes before, {afterBytes} after")]
    public static partial void MemoryTrimmed(ILogger logger, string reason, long residentBytes, long afterBytes);
}

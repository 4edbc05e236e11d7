namespace Iiif.Web;

/// <summary>Start-up messages: what the server (or a command) runs with, and why it did not start.</summary>
internal static partial class Log
{
    /// <summary>One of the lines printed at start whatever the logging settings (listen addresses, environment, config
    /// folder, log file); nlog.config keeps them off the console target, which would show them twice.</summary>
    [LoggerMessage(EventId = 10, EventName = "StartupSummary", Level = LogLevel.Information, Message = "{line}")]
    public static partial void StartupSummary(ILogger logger, string line);

    [LoggerMessage(EventId = 11, EventName = "StartupWarning", Level = LogLevel.Warning, Message = "{warning}")]
    public static partial void StartupWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 12, EventName = "CannotListen", Level = LogLevel.Critical, Message = "Not starting: {failure}")]
    public static partial void CannotListen(ILogger logger, string failure);

    [LoggerMessage(EventId = 13, EventName = "StartupCrashed", Level = LogLevel.Critical, Message = "Not starting: unexpected {type}")]
    public static partial void StartupCrashed(ILogger logger, string type, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace Iiif.Imaging;

/// <summary>The imaging layer's log lines, source-generated, with stable event ids (21xx: sources and decoding).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2101, EventName = "SymlinkOutsideRoot", Level = LogLevel.Warning,
        Message = "Image link refused: {Identifier} resolves through a symbolic link ({Candidate}) to {Target}, outside the image folder; answered 404. Set images.followSymlinksOutsideRoot to serve such links")]
    public static partial void SymlinkOutsideRoot(ILogger logger, string identifier, string candidate, string target);

    [LoggerMessage(EventId = 2102, EventName = "RemoteSourceFailed", Level = LogLevel.Warning,
        Message = "Remote source rule {Rule} failed ({Failure}): {Reason}")]
    public static partial void RemoteSourceFailed(ILogger logger, string rule, string failure, string reason);

    [LoggerMessage(EventId = 2103, EventName = "RemoteSourceReadWhole", Level = LogLevel.Information,
        Message = "Remote source {Identifier} ({Format}, {Bytes} bytes) is read whole: its format cannot be read in ranges")]
    public static partial void RemoteSourceReadWhole(ILogger logger, string identifier, Decoding.SourceFormat format, long bytes);
}

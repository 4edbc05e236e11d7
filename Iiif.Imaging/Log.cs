using Microsoft.Extensions.Logging;

namespace Iiif.Imaging;

/// <summary>The imaging layer's log lines, source-generated, with stable event ids (21xx: sources and decoding).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2101, EventName = "SymlinkOutsideRoot", Level = LogLevel.Warning,
        Message = "Image link refused: {Identifier} resolves through a symbolic link ({Candidate}) to {Target}, outside the image folder; answered 404. Set images.followSymlinksOutsideRoot to serve such links")]
    public static partial void SymlinkOutsideRoot(ILogger logger, string identifier, string candidate, string target);
}

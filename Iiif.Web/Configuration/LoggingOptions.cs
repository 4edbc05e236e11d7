namespace Iiif.Web.Configuration;

/// <summary>The <c>logging</c> section, applied to NLog's variables at start-up (see nlog.config).</summary>
internal sealed class LoggingOptions
{
    public const string SectionName = "logging";

    /// <summary>Folder of iiif.log; absolute after start-up (relative values resolve against the content root).</summary>
    public string Directory { get; set; } = "log";

    /// <summary>NLog level name: Trace, Debug, Info, Warn, Error, Fatal or Off.</summary>
    public string Level { get; set; } = "Info";

    public bool Console { get; set; } = true;

    /// <summary>Which successful requests get an Info line: all, misses (not those a cache answered) or errors (none);
    /// the others are logged at Debug. Failures are always logged.</summary>
    public string Requests { get; set; } = RequestsAll;

    public const string RequestsAll = "all";

    public const string RequestsMisses = "misses";

    public const string RequestsErrors = "errors";

    public static readonly IReadOnlyList<string> RequestsValues = [RequestsAll, RequestsMisses, RequestsErrors];
}

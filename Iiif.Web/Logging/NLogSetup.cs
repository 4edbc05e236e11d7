using Iiif.Web.Configuration;
using NLog;
using NLog.Targets;
using NLog.Targets.Wrappers;
using NLogLevel = NLog.LogLevel;

namespace Iiif.Web.Logging;

/// <summary>Builds the server's own NLog LogFactory from nlog.config and points it at our configuration: the log folder
/// and levels are NLog variables set here from the <c>logging</c> section. An own factory, rather than NLog's global
/// LogManager, lets two hosts in one process (tests) log to different folders.</summary>
internal static class NLogSetup
{
    public const string ConfigFileName = "nlog.config";

    /// <summary>The server's log file name, without .log.</summary>
    public const string ServerLogName = "iiif";

    /// <summary>nlog.config in the config folder when present (a deployment's own rules), else the one shipped next to
    /// the executable.</summary>
    public static string FindConfigFile(string configDirectory)
    {
        var custom = Path.Combine(configDirectory, ConfigFileName);
        return File.Exists(custom) ? custom : Path.Combine(AppContext.BaseDirectory, ConfigFileName);
    }

    public static LogFactory CreateFactory(string configFile, LoggingOptions options, string logName = ServerLogName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factory = new LogFactory();
        factory.Setup()
            // Bunyan's numeric levels (trace 10 ... fatal 60), so the old server's log tooling reads our lines.
            .SetupExtensions(extensions => extensions.RegisterLayoutRenderer("bunyan-level", logEvent => (logEvent.Level.Ordinal + 1) * 10))
            .LoadConfigurationFromFile(configFile, optional: false);
        factory.Configuration!.Variables["logName"] = logName;
        Apply(factory, options);
        return factory;
    }

    /// <summary>The name of a command's own log file, <c>iiif-{command}</c>, held by a lock file beside it for as long
    /// as the returned reservation lives; when another run of the same command holds it, <c>iiif-{command}-{pid}</c>.</summary>
    public static (string Name, IDisposable? Reservation) ReserveLogName(string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            Directory.CreateDirectory(directory);
            // FileShare.None takes an advisory lock (flock) that other .NET processes honour.
            return (name, new FileStream(Path.Combine(directory, name + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (Directory.Exists(directory))
        {
            return (FormattableString.Invariant($"{name}-{Environment.ProcessId}"), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unwritable log folder: NLog reports that itself; the name does not matter then.
            return (name, null);
        }
    }

    /// <summary>The files the factory's file targets write, as full paths.</summary>
    public static IReadOnlyList<string> FilePaths(LogFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var nothing = LogEventInfo.CreateNullEvent();
        return (factory.Configuration?.AllTargets ?? [])
            .Select(target => target is WrapperTargetBase wrapper ? wrapper.WrappedTarget : target)
            .OfType<FileTarget>()
            .Select(file => Path.GetFullPath(file.FileName.Render(nothing)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static void Apply(LogFactory factory, LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        var level = ParseLevel(options.Level);
        var variables = factory.Configuration!.Variables;
        variables["logDirectory"] = options.Directory;
        variables["minLevel"] = level.Name;
        variables["consoleMinLevel"] = options.Console ? level.Name : NLogLevel.Off.Name;
        // Rule levels read the variables once; this makes NLog read them again.
        factory.ReconfigExistingLoggers();
    }

    /// <summary>The configured level; an unknown name logs at Info until start-up validation stops the server with a
    /// message naming logging.level.</summary>
    internal static NLogLevel ParseLevel(string name) =>
        ConfigurationRules.IsOneOf(name, LoggingOptionsValidator.Levels) ? NLogLevel.FromString(name) : NLogLevel.Info;
}

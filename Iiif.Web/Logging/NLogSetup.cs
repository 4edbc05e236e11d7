using Iiif.Web.Configuration;
using NLog;
using NLogLevel = NLog.LogLevel;

namespace Iiif.Web.Logging;

/// <summary>Builds the server's own NLog LogFactory from nlog.config and points it at our configuration: the log folder
/// and levels are NLog variables set here from the <c>logging</c> section. An own factory, rather than NLog's global
/// LogManager, lets two hosts in one process (tests) log to different folders.</summary>
internal static class NLogSetup
{
    public const string ConfigFileName = "nlog.config";

    /// <summary>nlog.config in the config folder when present (a deployment's own rules), else the one shipped next to
    /// the executable.</summary>
    public static string FindConfigFile(string configDirectory)
    {
        var custom = Path.Combine(configDirectory, ConfigFileName);
        return File.Exists(custom) ? custom : Path.Combine(AppContext.BaseDirectory, ConfigFileName);
    }

    public static LogFactory CreateFactory(string configFile, LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factory = new LogFactory();
        factory.Setup()
            // Bunyan's numeric levels (trace 10 ... fatal 60), so the old server's log tooling reads our lines.
            .SetupExtensions(extensions => extensions.RegisterLayoutRenderer("bunyan-level", logEvent => (logEvent.Level.Ordinal + 1) * 10))
            .LoadConfigurationFromFile(configFile, optional: false);
        Apply(factory, options);
        return factory;
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

using Iiif.Imaging;
using Iiif.Imaging.Sources.Remote;
using System.Collections;
using Iiif.Web.Admin;
using Iiif.Web.Cleaning;
using Iiif.Web.Configuration;
using Iiif.Web.Health;
using Iiif.Web.Logging;
using Iiif.Web.Memory;
using Iiif.Web.Metrics;
using Iiif.Web.Viewer;
using Iiif.Web.Warming;
using Microsoft.Extensions.Options;
using NLog.Web;

namespace Iiif.Web;

/// <summary>Builds and runs the web host: configuration layers, NLog, options, Kestrel URLs and the pipeline.</summary>
internal static class HostingExtensions
{
    /// <summary>Exit code of a start-up stopped by bad configuration (EX_CONFIG of sysexits.h).</summary>
    public const int ConfigurationErrorExitCode = ExitCodes.Configuration;

    /// <summary>Runs the server until it is stopped; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunIiifAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = CreateIiifBuilder(args).BuildIiifApp();
        }
        catch (Exception e) when (StartupErrors.Describe(e) is { } failures)
        {
            return ReportConfigurationErrors(failures, logger: null, logsToConsole: false);
        }

        await using (app.ConfigureAwait(false))
        {
            foreach (var warning in app.Services.GetRequiredService<LayeredConfiguration>().Warnings)
            {
                Log.StartupWarning(app.Logger, warning);
                await Console.Error.WriteLineAsync("iiif: warning: " + warning).ConfigureAwait(false);
            }

            var exitCode = await StartAsync(app).ConfigureAwait(false);
            if (exitCode is not null)
            {
                return exitCode.Value;
            }

            foreach (var line in StartupSummary.Lines(app))
            {
                Log.StartupSummary(app.Logger, line);
                await Console.Out.WriteLineAsync("iiif: " + line).ConfigureAwait(false);
            }

            await app.WaitForShutdownAsync().ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }

    /// <summary>Validates, checks the codec and starts Kestrel; an exit code when the server cannot run, else null.</summary>
    private static async Task<int?> StartAsync(WebApplication app)
    {
        try
        {
            // Configuration first (as StartAsync would), then the codec: neither may let Kestrel bind its port.
            app.Services.GetService<IStartupValidator>()?.Validate();
            if (CodecStartupCheck.Problem(CodecStartupCheck.Codecs) is { } codecProblem)
            {
                Log.StartupFailed(app.Logger, codecProblem);
                await Console.Error.WriteLineAsync(codecProblem).ConfigureAwait(false);
                return CodecStartupCheck.MissingCodecExitCode;
            }

            // Not RunAsync: it disposes the host, and with it the logger, before a start-up error could be logged.
            await app.StartAsync().ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (StartupErrors.Describe(e) is { } failures)
        {
            var logsToConsole = bool.TryParse(app.Configuration["logging:console"], out var console) && console;
            return ReportConfigurationErrors(failures, app.Logger, logsToConsole);
        }
        catch (Exception e) when (ListenFailure.Describe(e) is { } failure)
        {
            // One line instead of Kestrel's stack trace, and a code the systemd units do not restart on.
            Log.CannotListen(app.Logger, failure);
            await Console.Error.WriteLineAsync("iiif: " + failure).ConfigureAwait(false);
            return ExitCodes.CannotListen;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var type = e.GetType().Name;
            Log.StartupCrashed(app.Logger, type, e);
            var logs = string.Join(", ", app.Services.GetRequiredService<IiifLogFiles>().Paths);
            await Console.Error.WriteLineAsync($"iiif: not starting: unexpected {type}: {e.Message.ReplaceLineEndings(" ")} (details in {logs})")
                .ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The host builder with every configuration layer, logging and service. <paramref name="environmentVariables"/>
    /// replaces the process environment (tests pass their own); <c>--config DIR</c> in <paramref name="args"/> names the
    /// config folder, which is otherwise the one next to the executable. <paramref name="command"/> names the command
    /// (warm, clean) the services are built for, which then logs to its own file, iiif-{command}.log.</summary>
    public static WebApplicationBuilder CreateIiifBuilder(string[] args, IDictionary? environmentVariables = null, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var variables = environmentVariables ?? Environment.GetEnvironmentVariables();
        var location = IiifConfigurationSources.Locate(args, variables);
        var layered = IiifConfigurationSources.LoadLayers(location, args, variables);
        var settings = layered.Values;
        var unknownKeys = ConfigurationKeyChecker.Check(settings, layered.Origins);
        if (unknownKeys.Count > 0)
        {
            throw new InvalidConfigurationException(unknownKeys);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = location.EnvironmentName,
            // Not the entry assembly: under a test runner that is the runner, and MVC would look there for controllers.
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            // Beside the executable, like config/: the content root is the working directory, which may be anywhere.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(layered);
        builder.AddIiifLogging(location, command);
        var server = Bind<ServerOptions>(builder.Configuration, ServerOptions.SectionName);
        builder.WebHost.UseUrls(ListenUrls.Resolve(server));
        // SIGTERM stops accepting connections, then lets requests in flight finish for this long. Bound here, not from
        // IOptions: the host reads HostOptions when it is built, before start-up validation reports bad values.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(0, server.ShutdownTimeoutSeconds)));
        builder.Services.AddIiifOptions().AddIiifHttp().AddIiifServer().AddIiifMetrics();
        builder.Services.AddIiifHttpSourceClients(Bind<SourceRulesOptions>(builder.Configuration, ConfigurationSections.Sources).Rules);
        builder.Services.AddIiifViewer().AddIiifAdmin();
        builder.Services.AddIiifWarming().AddIiifCleaning().AddIiifMemory();
        return builder;
    }

    /// <summary>The application with its middleware; the IIIF endpoints are mapped by their own extensions.</summary>
    public static WebApplication BuildIiifApp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        // Forwarded headers first, so the request log and everything after see the client's address and scheme.
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseIiifMetrics();
        app.UseIiifHttp();
        app.UseRouting();
        app.MapIiif();
        app.MapIiifViewer().MapIiifAdmin().MapIiifMetrics();
        return app;
    }

    private static void AddIiifLogging(this WebApplicationBuilder builder, IiifConfigurationLocation location, string? command)
    {
        var options = Bind<LoggingOptions>(builder.Configuration, LoggingOptions.SectionName);
        var directory = string.IsNullOrWhiteSpace(options.Directory) ? new LoggingOptions().Directory : options.Directory;
        options.Directory = Path.GetFullPath(directory, builder.Environment.ContentRootPath);
        var (logName, reservation) = command is null
            ? (NLogSetup.ServerLogName, null)
            : NLogSetup.ReserveLogName(options.Directory, NLogSetup.ServerLogName + "-" + command);
        var factory = NLogSetup.CreateFactory(NLogSetup.FindConfigFile(location.ConfigDirectory), options, logName);
        var files = new IiifLogFiles(NLogSetup.FilePaths(factory), reservation);
        // Registered through a factory so that the container disposes it (and releases the reservation) with the host.
        builder.Services.AddSingleton(_ => files);
        builder.Logging.ClearProviders();
        builder.Logging.AddNLogWeb(factory, new NLogAspNetCoreOptions
        {
            // Flush and close iiif.log when the host is disposed, and leave filtering to nlog.config's rules.
            ShutdownOnDispose = true,
            RemoveLoggerFactoryFilter = true,
        });
    }

    private static TOptions Bind<TOptions>(ConfigurationManager configuration, string sectionName)
        where TOptions : new() =>
        configuration.GetSection(sectionName).Get<TOptions>() ?? new TOptions();

    /// <summary>Logs each failure, and writes it to standard error unless the console log already shows it: an
    /// operator must see why the server did not start even when only the log file is written.</summary>
    private static int ReportConfigurationErrors(IReadOnlyList<string> failures, ILogger? logger, bool logsToConsole)
    {
        foreach (var failure in failures)
        {
            if (logger is not null)
            {
                Log.ConfigurationError(logger, failure);
            }

            if (!logsToConsole)
            {
                Console.Error.WriteLine("Configuration error: " + failure);
            }
        }

        return ConfigurationErrorExitCode;
    }
}

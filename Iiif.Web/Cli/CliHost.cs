using Iiif.Caching;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Cli;

/// <summary>The server's services for a command, built by <see cref="HostingExtensions.CreateIiifBuilder"/> so the
/// configuration layers (default.yml, the environment's overlay, local.yml, IIIF_* variables, the command line) are
/// exactly the server's, but never started: no Kestrel, no background services. Options are validated as start-up
/// would, and a bad configuration becomes a <see cref="CliException"/>. The command logs to its own file,
/// iiif-{command}.log, never into the server's.</summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CliHost(WebApplication app)
    {
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the services from server switches (<c>--config DIR</c>, <c>--images DIR</c>, <c>--section:key=value</c>, ...).
    /// The console log is off unless those switches turn it on: the command's own output is what a user reads. Without
    /// <paramref name="needsImages"/>, an images.root that does not exist is no error.</summary>
    public static CliHost Build(string command, IReadOnlyList<string> hostArgs, CliConsole console, bool needsImages = true)
    {
        ArgumentNullException.ThrowIfNull(hostArgs);
        ArgumentNullException.ThrowIfNull(console);
        WebApplication? app = null;
        try
        {
            app = HostingExtensions.CreateIiifBuilder(["--logging:console=false", .. hostArgs], command: command).Build();
            foreach (var warning in app.Services.GetRequiredService<LayeredConfiguration>().Warnings)
            {
                Log.StartupWarning(app.Logger, warning);
                console.Error.WriteLine($"{CliCommands.ProgramName} {command}: warning: {warning}");
            }

            Validate(app.Services, needsImages);
            return new CliHost(app);
        }
        catch (Exception e) when (StartupErrors.Describe(e) is { } failures)
        {
            (app as IDisposable)?.Dispose();
            throw new CliException("configuration error: " + string.Join("; ", failures), e);
        }
    }

    /// <summary>The caches' start-up step, as the server runs it before taking requests: a configured Redis gets its first
    /// connection attempt, so the first images of a run are shared instead of skipped while it connects.</summary>
    public Task StartCachesAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<ICachingStartup>().StartAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void Validate(IServiceProvider services, bool needsImages)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (!needsImages && StartupErrors.Describe(e) is { } failures)
        {
            var relevant = failures.Where(f => !f.StartsWith(ConfigurationSections.Images + ".root:", StringComparison.Ordinal)).ToList();
            if (relevant.Count > 0)
            {
                throw new InvalidConfigurationException(relevant);
            }
        }
    }
}

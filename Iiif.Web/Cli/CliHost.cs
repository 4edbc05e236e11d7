using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Cli;

/// <summary>The server's services for a command, built by <see cref="HostingExtensions.CreateIiifBuilder"/> so the
/// configuration layers (default.yml, the environment's overlay, local.yml, IIIF_* variables, the command line) are
/// exactly the server's, but never started: no Kestrel, no background services. Options are validated as start-up
/// would, and a bad configuration becomes a <see cref="CliException"/>.</summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CliHost(WebApplication app)
    {
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the services from server switches (<c>--config DIR</c>, <c>--images DIR</c>, <c>--section:key=value</c>, ...).
    /// The console log is off unless those switches turn it on: the command's own output is what a user reads.</summary>
    public static CliHost Build(IReadOnlyList<string> hostArgs)
    {
        ArgumentNullException.ThrowIfNull(hostArgs);
        WebApplication? app = null;
        try
        {
            app = HostingExtensions.CreateIiifBuilder(["--logging:console=false", .. hostArgs]).Build();
            app.Services.GetService<IStartupValidator>()?.Validate();
            return new CliHost(app);
        }
        catch (Exception e) when (StartupErrors.Describe(e) is { } failures)
        {
            (app as IDisposable)?.Dispose();
            throw new CliException("configuration error: " + string.Join("; ", failures), e);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

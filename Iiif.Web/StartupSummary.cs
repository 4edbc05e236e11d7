using Iiif.Web.Configuration;
using Iiif.Web.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Iiif.Web;

/// <summary>The lines a started server prints whatever the logging settings, so that whoever started it sees where it
/// listens, which environment and config folder it runs with, and where its log goes.</summary>
internal static class StartupSummary
{
    public static IReadOnlyList<string> Lines(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return Lines(app.Services.GetRequiredService<LayeredConfiguration>().Location, addresses.ToList(),
            app.Services.GetRequiredService<IiifLogFiles>().Paths);
    }

    public static IReadOnlyList<string> Lines(IiifConfigurationLocation location, IReadOnlyList<string> addresses, IReadOnlyList<string> logFiles)
    {
        ArgumentNullException.ThrowIfNull(location);
        var overlay = location.FindOverlay();
        var environment = overlay is null
            ? $"no overlay file {location.EnvironmentName}.yml"
            : "overlay " + Path.GetFileName(overlay);
        return
        [
            "listening on " + (addresses.Count == 0 ? "nothing" : string.Join(", ", addresses)),
            $"environment {location.EnvironmentName} ({environment}), config folder {location.ConfigDirectory}",
            "log file " + (logFiles.Count == 0 ? "none (the nlog.config in use writes no file)" : string.Join(", ", logFiles)),
        ];
    }
}

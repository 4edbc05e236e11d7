using System.CommandLine;
using System.Globalization;
using Iiif.Caching.Derivatives;
using Iiif.Web.Cleaning;
using Iiif.Web.Configuration;

namespace Iiif.Web.Cli;

/// <summary><c>iiif clean</c>: one cleaning pass over the configured file cache, for cron (the old server's
/// bin/clean_iiif_cache.js) when cache.clean.period is 0.</summary>
internal static class CleanCommand
{
    public const string Name = "clean";

    public const string Details = """
        Deletes rendered images in the file cache (cache.root) not served for longer than cache.clean.profileImage
        seconds (images matching a `profiles` tail) or cache.clean.randomImage seconds (the rest), then removes folders
        left empty, and prints what it did. The configuration is the server's: config/default.yml, the environment's
        overlay, local.yml, IIIF_* variables and the server switches; images.root is not needed. The running server also
        cleans every cache.clean.period seconds; this command is for cron when that is 0.

        Exit codes: 0 done, 2 bad arguments or configuration (one line on stderr), 1 unexpected failure.
        """;

    public static Command Create(CliConsole console, IReadOnlyList<string> configurationSwitches)
    {
        var switches = new ServerSwitches();
        var command = new Command(Name, "Delete cached images not served for a while (one cleaning pass, for cron)");
        switches.AddTo(command);
        command.SetAction(CliCommands.Guard(Name, console, (result, cancellationToken) =>
            RunAsync([.. switches.Arguments(result), .. configurationSwitches], console, cancellationToken)));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> hostArgs, CliConsole console, CancellationToken cancellationToken)
    {
        // Cleaning reads only the cache: a server without its image folder (unmounted, or never on this host) still cleans.
        var host = CliHost.Build(Name, hostArgs, console, needsImages: false);
        await using (host.ConfigureAwait(false))
        {
            var cleaner = host.Services.GetService<IDerivativeCleaner>()
                ?? throw new CliException("this configuration has no file cache to clean");
            var report = await cleaner.CleanAsync(cancellationToken).ConfigureAwait(false);
            CacheCleaningService.LogReport(host.Services.GetRequiredService<ILogger<CacheCleaningService>>(), report);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Examined} examined, {report.Deleted} deleted, {report.BytesFreed / 1024.0:0.#} KiB freed, {report.FoldersRemoved} empty folder(s) removed"));
            return 0;
        }
    }
}

using System.Globalization;
using Iiif.Caching.Derivatives;
using Iiif.Web.Cleaning;

namespace Iiif.Web.Cli;

/// <summary><c>iiif clean</c>: one cleaning pass over the configured file cache, for cron (the old server's
/// bin/clean_iiif_cache.js) when cache.clean.period is 0.</summary>
internal static class CleanCommand
{
    public const string Name = "clean";

    public const string Usage = """
        Usage: iiif clean [server switches]

        Deletes rendered images in the file cache (cache.root) not served for longer than cache.clean.profileImage
        seconds (images matching a `profiles` tail) or cache.clean.randomImage seconds (the rest), then removes folders
        left empty, and prints what it did. The configuration is the server's: config/default.yml, the environment's
        overlay, local.yml, IIIF_* variables and server switches such as --config DIR, --cache DIR, --environment NAME.
        The running server also cleans every cache.clean.period seconds; this command is for cron when that is 0.

        Exit codes: 0 done, 2 bad arguments or configuration (one line on stderr), 1 unexpected failure.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h"))
        {
            console.Out.WriteLine(Usage);
            return 0;
        }

        // Stray words and bad switches are reported by the configuration reader, as the server reports them.
        var host = CliHost.Build(args);
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

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Iiif.Core.Requests;
using Iiif.Imaging.Sources;
using Iiif.Web.Auth;
using Iiif.Web.Configuration;
using Iiif.Web.Pipeline;
using Iiif.Web.Warming;

namespace Iiif.Web.Cli;

/// <summary><c>iiif warm</c>: renders info and the profile derivatives of every image of a folder into the server's cache,
/// or with <c>--out</c> writes them as a static level 0 export.</summary>
internal static class WarmCommand
{
    public const string Name = "warm";

    public const string Details = """
        Renders info.json and the derivatives of the configured profiles (the `profiles` section) for every image in
        FOLDER (default: images.root) into the server's cache, exactly as requests would, so the first visitors find
        them ready. A profile larger than an image is skipped for that image and reported, not rendered. The
        configuration is the server's: config/default.yml, the environment's overlay, local.yml, IIIF_* variables and
        the server switches. With --out it writes a static "level 0" export instead: DIR/{id}/info.json and each
        profile file at DIR/{id}/{region}/{size}/{rotation}/{quality}.{format}, its URL tail as configured.

        Exit codes: 0 done, 2 bad arguments or configuration, or any image or profile that failed to render or could
        not be stored in the cache (one line each on stderr), 1 unexpected failure.
        """;

    public static Command Create(CliConsole console, IReadOnlyList<string> configurationSwitches)
    {
        var folder = CliOptions.Positional("FOLDER", "The images to warm (default: images.root)", required: false);
        var profile = new Option<string[]>("--profile") { Description = "Render only this profile (repeatable; default: every profile)", HelpName = "NAME" };
        var clear = new Option<bool>("--clear") { Description = "First clear each image's cache as cache.warm.clearWith says (id, profile or none)" };
        var output = new Option<string?>("--out") { Description = "Write a static level 0 export into DIR instead of warming the cache", HelpName = "DIR" };
        var baseUri = new Option<string?>("--base-uri") { Description = "With --out: the public URL DIR will be served from", HelpName = "URL" };
        var tiles = new Option<bool>("--tiles") { Description = "With --out: also every tile and size info.json lists" };
        var switches = new ServerSwitches();
        var command = new Command(Name, "Render info.json and the profile images of every image into the cache (or a static export)")
        {
            folder, profile, clear, output, baseUri, tiles,
        };
        switches.AddTo(command);
        command.SetAction(CliCommands.Guard(Name, console, (result, cancellationToken) => RunAsync(
            WarmSettings.Create(result.GetValue(folder), result.GetValue(profile) ?? [], result.GetValue(output), result.GetValue(baseUri),
                result.GetValue(tiles), result.GetValue(clear), [.. switches.Arguments(result), .. configurationSwitches]),
            console,
            cancellationToken)));
        return command;
    }

    public static async Task<int> RunAsync(WarmSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = CliHost.Build(Name, settings.HostArgs, console);
        await using (host.ConfigureAwait(false))
        {
            await host.StartCachesAsync(cancellationToken).ConfigureAwait(false);
            var warmer = host.Services.GetRequiredService<CacheWarmer>();
            var tails = SelectProfiles(warmer.Profiles, settings.Profiles);
            CheckProfiles(tails, warmer.Version);
            var identifiers = await ListAsync(host.Services.GetRequiredService<IImageSource>(), settings, cancellationToken).ConfigureAwait(false);
            var watch = Stopwatch.StartNew();
            var result = settings.Out is null
                ? await WarmAllAsync(warmer, identifiers, tails, settings, console, cancellationToken).ConfigureAwait(false)
                : await ExportAllAsync(host.Services, warmer.Version, identifiers, tails, settings, console, cancellationToken).ConfigureAwait(false);
            var target = settings.Out is null ? "into the cache" : $"to {settings.Out}";
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{identifiers.Count} image(s), {result.Files} file(s), {result.Bytes / 1024.0:0.#} KiB {target}, {result.Skipped.Count} skipped (larger than the image), {result.Errors.Count} failure(s) in {watch.Elapsed.TotalSeconds:0.0} s"));
            return result.Errors.Count == 0 ? 0 : CliCommands.UserErrorExitCode;
        }
    }

    /// <summary>The chosen profiles by name; every profile when none is named.</summary>
    internal static IReadOnlyDictionary<string, string> SelectProfiles(IReadOnlyDictionary<string, string> profiles, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return profiles;
        }

        var unknown = names.Where(n => !profiles.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
        {
            var known = profiles.Count == 0 ? "none are configured" : "known: " + string.Join(", ", profiles.Keys.Order(StringComparer.Ordinal));
            throw new CliException($"unknown profile(s) {string.Join(", ", unknown)} ({known})");
        }

        return names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => profiles[n], StringComparer.Ordinal);
    }

    /// <summary>Every chosen profile parsed as the server would parse it, before any work: a typo in a tail stops the
    /// run at once instead of failing on every image.</summary>
    internal static void CheckProfiles(IReadOnlyDictionary<string, string> tails, ApiVersion version)
    {
        var problems = tails.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => ProfileTailCheck.Problem(version, p.Value) is { } problem ? $"profiles.{p.Key}: {problem}" : null)
            .OfType<string>()
            .ToList();
        if (problems.Count > 0)
        {
            throw new CliException(string.Join("; ", problems));
        }
    }

    private static async Task<List<string>> ListAsync(IImageSource source, WarmSettings settings, CancellationToken cancellationToken)
    {
        var identifiers = new List<string>();
        await foreach (var identifier in source.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            identifiers.Add(identifier.Value);
        }

        return identifiers.Count > 0
            ? identifiers
            : throw new CliException($"no images found in {(settings.Folder is null ? "images.root" : $"'{settings.Folder}'")}");
    }

    private static async Task<ExportResult> WarmAllAsync(CacheWarmer warmer, List<string> identifiers,
        IReadOnlyDictionary<string, string> tails, WarmSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        // Without --clear nothing is cleared: a bulk pre-fill should not throw away the tiles already cached.
        var clearWith = settings.Clear ? warmer.ClearWith : CacheWarmer.ClearNothing;
        return await ForEachAsync(identifiers, console, async identifier =>
        {
            var report = await warmer.WarmAsync(identifier, tails, clearWith, cancellationToken).ConfigureAwait(false);
            if (!report.IsSuccess)
            {
                return ExportResult.Empty.WithError($"{identifier}: {report.Error}");
            }

            return report.Value!.Tails.Aggregate(ExportResult.Empty, (sum, tail) =>
                tail.IsSuccess ? sum.WithFile(tail.Bytes ?? 0)
                : tail.Skipped is { } reason ? sum.WithSkipped($"{identifier}{tail.Tail}: {reason}")
                : sum.WithError($"{identifier}{tail.Tail}: {tail.Error}"));
        }).ConfigureAwait(false);
    }

    private static async Task<ExportResult> ExportAllAsync(IServiceProvider services, ApiVersion version, List<string> identifiers,
        IReadOnlyDictionary<string, string> tails, WarmSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        var export = new StaticExport(services.GetRequiredService<IImagePipeline>(),
            ActivatorUtilities.CreateInstance<InfoDocumentFactory>(services), services.GetRequiredService<AccessRules>(), version,
            settings.Out!, settings.BaseUri!);
        var ordered = tails.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList();
        return await ForEachAsync(identifiers, console,
            identifier => export.ExportAsync(identifier, ordered, settings.Tiles, cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<ExportResult> ForEachAsync(List<string> identifiers, CliConsole console, Func<string, Task<ExportResult>> run)
    {
        var progress = new ConsoleProgress(console.Error, console.ErrorIsTerminal, Name);
        var total = ExportResult.Empty;
        for (var i = 0; i < identifiers.Count; i++)
        {
            var result = await run(identifiers[i]).ConfigureAwait(false);
            progress.Step(i + 1, identifiers.Count, identifiers[i]);
            if (result.Skipped.Count > 0)
            {
                progress.Finish();
                foreach (var note in result.Skipped)
                {
                    console.Out.WriteLine($"skipped {note.ReplaceLineEndings(" ")}");
                }
            }

            if (result.Errors.Count > 0)
            {
                progress.Finish();
                foreach (var error in result.Errors)
                {
                    console.Error.WriteLine($"iiif warm: {error.ReplaceLineEndings(" ")}");
                }
            }

            total = total.Plus(result);
        }

        progress.Finish();
        return total;
    }
}

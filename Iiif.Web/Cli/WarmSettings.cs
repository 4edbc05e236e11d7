namespace Iiif.Web.Cli;

/// <summary>The parsed <c>warm</c> command line. Switches it does not know are server configuration switches
/// (<c>--config DIR</c>, <c>--cache DIR</c>, <c>--environment NAME</c>, <c>--section:key=value</c>) and are handed to the
/// host with their values.</summary>
internal sealed record WarmSettings
{
    /// <summary>The images folder; null = images.root from the configuration.</summary>
    public string? Folder { get; init; }

    /// <summary>Profile names to render; empty = every profile.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>The static export folder; null = warm the cache.</summary>
    public string? Out { get; init; }

    /// <summary>The public URL the export will be served from, without a trailing slash.</summary>
    public string? BaseUri { get; init; }

    public bool Tiles { get; init; }

    /// <summary>Clear per cache.warm.clearWith first, as the warm endpoint does.</summary>
    public bool Clear { get; init; }

    public bool Help { get; init; }

    /// <summary>Server switches, with the folder as <c>--images</c>.</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    /// <summary>Parses the arguments after <c>warm</c>.</summary>
    /// <exception cref="CliException">A missing value, a bad URL, --tiles or --base-uri without --out, or more than one folder.</exception>
    public static WarmSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new WarmSettings();
        var folders = new List<string>();
        var profiles = new List<string>();
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            settings = args[i] switch
            {
                "--help" or "-h" => settings with { Help = true },
                "--profile" => Add(settings, profiles, Value(args, ++i, "--profile")),
                "--out" => settings with { Out = Value(args, ++i, "--out") },
                "--base-uri" => settings with { BaseUri = ParseBaseUri(Value(args, ++i, "--base-uri")) },
                "--tiles" => settings with { Tiles = true },
                "--clear" => settings with { Clear = true },
                var s when s.StartsWith("--", StringComparison.Ordinal) => HostSwitch(settings, hostArgs, args, ref i),
                var s when s.StartsWith('-') && s.Length > 1 => throw new CliException($"unknown option '{s}' (see --help)"),
                var s => AddFolder(settings, folders, s),
            };
        }

        return settings.Help ? new WarmSettings { Help = true } : Check(settings, folders, profiles, hostArgs);
    }

    private static WarmSettings Check(WarmSettings settings, List<string> folders, List<string> profiles, List<string> hostArgs)
    {
        if (folders.Count > 1)
        {
            throw new CliException("expected at most one images folder (see --help)");
        }

        if (settings.Out is null && (settings.Tiles || settings.BaseUri is not null))
        {
            throw new CliException("--tiles and --base-uri belong to a static export: add --out DIR");
        }

        if (settings.Out is not null && settings.BaseUri is null)
        {
            throw new CliException("--out needs --base-uri URL: the public address the export will be served from (info.json ids are absolute)");
        }

        if (folders.Count == 1)
        {
            if (!Directory.Exists(folders[0]))
            {
                throw new CliException($"images folder does not exist: '{folders[0]}'");
            }

            hostArgs.AddRange(["--images", folders[0]]);
        }

        return settings with { Folder = folders.FirstOrDefault(), Profiles = profiles, HostArgs = hostArgs };
    }

    private static WarmSettings Add(WarmSettings settings, List<string> profiles, string profile)
    {
        profiles.Add(profile);
        return settings;
    }

    private static WarmSettings AddFolder(WarmSettings settings, List<string> folders, string folder)
    {
        folders.Add(folder);
        return settings;
    }

    private static WarmSettings HostSwitch(WarmSettings settings, List<string> hostArgs, IReadOnlyList<string> args, ref int i)
    {
        hostArgs.Add(args[i]);
        if (!args[i].Contains('=', StringComparison.Ordinal))
        {
            hostArgs.Add(Value(args, ++i, args[i - 1]));
        }

        return settings;
    }

    private static string Value(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count ? args[index] : throw new CliException($"{option} needs a value");

    private static string ParseBaseUri(string value)
    {
        var trimmed = value.TrimEnd('/');
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new CliException($"--base-uri must be an absolute http(s) URL without query or fragment, not '{value}'");
        }

        return trimmed;
    }
}

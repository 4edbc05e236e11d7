namespace Iiif.Web.Cli;

/// <summary>The parsed <c>warm</c> command line. The server switches (<c>--config DIR</c>, <c>--cache DIR</c>,
/// <c>--environment NAME</c>, <c>--section:key=value</c>) are handed to the host with their values.</summary>
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

    /// <summary>Server switches, with the folder as <c>--images</c>.</summary>
    public IReadOnlyList<string> HostArgs { get; init; } = [];

    /// <summary>The settings from the parsed command line; <paramref name="hostArgs"/> are its server switches.</summary>
    /// <exception cref="CliException">A bad URL, --tiles or --base-uri without --out, or a missing folder.</exception>
    public static WarmSettings Create(
        string? folder, IReadOnlyList<string> profiles, string? output, string? baseUri, bool tiles, bool clear, IReadOnlyList<string> hostArgs)
    {
        ArgumentNullException.ThrowIfNull(hostArgs);
        if (output is null && (tiles || baseUri is not null))
        {
            throw new CliException("--tiles and --base-uri belong to a static export: add --out DIR");
        }

        if (output is not null && baseUri is null)
        {
            throw new CliException("--out needs --base-uri URL: the public address the export will be served from (info.json ids are absolute)");
        }

        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"images folder does not exist: '{folder}'");
        }

        return new WarmSettings
        {
            Folder = folder,
            Profiles = profiles,
            Out = output,
            BaseUri = baseUri is null ? null : ParseBaseUri(baseUri),
            Tiles = tiles,
            Clear = clear,
            HostArgs = folder is null ? hostArgs : [.. hostArgs, "--images", folder],
        };
    }

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

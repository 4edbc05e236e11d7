using Iiif.Caching;
using Iiif.Imaging.Sources;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Turns configured values into the forms the code relies on, before validation: folders become absolute
/// (relative ones resolve against the content root, the working directory the server was started from), extensions and
/// names become lower case, the prefix loses its slashes, and the old server's <c>clear_with: false</c> becomes none.</summary>
internal sealed class OptionsNormalizer(IHostEnvironment environment) :
    IPostConfigureOptions<ServerOptions>,
    IPostConfigureOptions<FileSystemSourceOptions>,
    IPostConfigureOptions<CachingOptions>,
    IPostConfigureOptions<LoggingOptions>
{
    public void PostConfigure(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Prefix = options.Prefix.Trim().Trim('/');
        options.BaseUri = options.BaseUri.Trim().TrimEnd('/');
        options.Cors = options.Cors.Trim();
    }

    public void PostConfigure(string? name, FileSystemSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Root = Resolve(options.Root);
        options.Extensions = options.Extensions.Select(e => e.Trim().TrimStart('.').ToLowerInvariant()).ToList();
    }

    public void PostConfigure(string? name, CachingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Root = Resolve(options.Root);
        var clearWith = options.Warm.ClearWith.Trim().ToLowerInvariant();
        options.Warm.ClearWith = clearWith == "false" ? "none" : clearWith;
    }

    public void PostConfigure(string? name, LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Directory = Resolve(options.Directory);
    }

    /// <summary>An absolute path; blank stays blank so that the validators can report it.</summary>
    internal string Resolve(string path) =>
        string.IsNullOrWhiteSpace(path) ? string.Empty : Path.GetFullPath(path.Trim(), environment.ContentRootPath);
}

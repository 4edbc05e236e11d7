using BitFaster.Caching;
using BitFaster.Caching.Lru;
using Iiif.Core.Diagnostics;
using Iiif.Core.Identifiers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Iiif.Imaging.Memory;

namespace Iiif.Imaging.Sources;

/// <summary>Serves images from a folder, mapping identifiers to files with the old server's resolver schemes
/// (<see cref="FileSystemResolverScheme"/>) and probing the configured extensions in order.</summary>
/// <remarks>Nothing outside the root is opened: see <see cref="ConfinedPath"/> for the checks and the symlink policy.
/// Only non-empty regular files count; a folder named like an identifier is no image. The version is the file's
/// (last write time UTC, length), read on every call. A resolved path is reused for <see cref="ResolutionReuse"/>
/// (checked again with one stat), so a link or the root re-pointed while the server runs takes effect within that
/// time; the root's content is trusted that far (see <see cref="ConfinedPath"/>). The resolved paths are an LRU of
/// <see cref="MaxRememberedPaths"/> entries, reported as the <c>resolved-paths</c> cache. A link that leads out of the
/// root is refused (404) and logged at Warning, at most once per identifier per <see cref="RefusalLogInterval"/>, unless
/// <see cref="FileSystemSourceOptions.FollowSymlinksOutsideRoot"/> allows it.</remarks>
internal sealed class FileSystemImageSource : IImageSource, ICacheStatisticsSource
{
    /// <summary>How long a resolved path is reused before the identifier is resolved (and confined) again.</summary>
    internal static readonly TimeSpan ResolutionReuse = TimeSpan.FromSeconds(2);

    /// <summary>How often one identifier's refused link is logged again: a viewer asks for dozens of tiles at once.</summary>
    internal static readonly TimeSpan RefusalLogInterval = TimeSpan.FromMinutes(1);

    /// <summary>Identifiers whose paths (and logged refusals) are remembered; the least recently used go first.</summary>
    internal const int MaxRememberedPaths = 10_000;

    private readonly ICache<string, string> _resolved = new ConcurrentLruBuilder<string, string>()
        .WithCapacity(MaxRememberedPaths)
        .WithKeyComparer(StringComparer.Ordinal)
        .WithExpireAfterWrite(ResolutionReuse)
        .WithMetrics()
        .Build();

    private readonly ICache<string, bool> _refusalsLogged = new ConcurrentLruBuilder<string, bool>()
        .WithCapacity(MaxRememberedPaths)
        .WithKeyComparer(StringComparer.Ordinal)
        .WithExpireAfterWrite(RefusalLogInterval)
        .Build();

    private readonly ILogger _logger;
    private readonly bool _followLinksOutside;
    private readonly string _root;
    private readonly FileSystemLayout _layout;
    private readonly FileSystemLister _lister;

    /// <summary>Creates a source from validated options.</summary>
    public FileSystemImageSource(IOptions<FileSystemSourceOptions> options, ILogger<FileSystemImageSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Root, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.NestedDepth, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxListedImages, 1, nameof(options));

        _root = settings.Root;
        _followLinksOutside = settings.FollowSymlinksOutsideRoot;
        _logger = logger ?? NullLogger<FileSystemImageSource>.Instance;
        _layout = new FileSystemLayout(settings.Resolver, settings.NestedDepth, ExtensionsOf(settings));
        _lister = new FileSystemLister(_layout, settings.MaxListedImages);
    }

    /// <inheritdoc/>
    public ValueTask<ImageSourceHandle?> ResolveAsync(ImageIdentifier identifier, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<ImageSourceHandle?>(Resolve(identifier));
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<ImageIdentifier> ListAsync(CancellationToken cancellationToken)
    {
        var realRoot = ConfinedPath.ResolveRoot(_root);
        var identifiers = realRoot is null ? [] : _lister.List(realRoot, cancellationToken);
        return identifiers.ToAsyncEnumerable();
    }

    private FileSystemImageSourceHandle? Resolve(ImageIdentifier identifier)
    {
        // The default struct has a null value; an empty identifier would name the root itself.
        if (string.IsNullOrEmpty(identifier.Value))
        {
            return null;
        }

        // Tile requests resolve the same identifier many times a second: for a short while the confined, link-free path
        // found last time is reused and only stat'ed again, so the version (time, length) is always read fresh.
        if (_resolved.TryGet(identifier.Value, out var remembered))
        {
            var again = new FileInfo(remembered);
            if (again.Exists && again.Length > 0)
            {
                return new FileSystemImageSourceHandle(identifier, again);
            }
        }

        if (ConfinedPath.ResolveRoot(_root) is not { } realRoot)
        {
            return null;
        }

        foreach (var candidate in _layout.Candidates(identifier.Value))
        {
            var found = ConfinedPath.FindFile(realRoot, candidate, _followLinksOutside);
            if (found.File is { } file)
            {
                _resolved.AddOrUpdate(identifier.Value, file.FullName);
                return new FileSystemImageSourceHandle(identifier, file);
            }

            if (found.OutsideTarget is { } target)
            {
                LogRefusal(identifier.Value, candidate, target);
            }
        }

        _resolved.TryRemove(identifier.Value);
        return null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<CacheStatistics> GetStatistics()
    {
        // Two UTF-16 strings per entry plus about 100 bytes of the LRU's own item and dictionary node.
        var bytes = _resolved.Sum(entry => 100 + (2L * (entry.Key.Length + entry.Value.Length)));
        return [LruStatistics.Read(_resolved, "resolved-paths", bytes)];
    }

    private void LogRefusal(string identifier, string candidate, string target)
    {
        if (_refusalsLogged.TryGet(identifier, out _))
        {
            return;
        }

        _refusalsLogged.AddOrUpdate(identifier, true);
        Log.SymlinkOutsideRoot(_logger, identifier, candidate, target);
    }

    private static string[] ExtensionsOf(FileSystemSourceOptions settings)
    {
        var configured = settings.Extensions.Count == 0 ? FileSystemSourceOptions.DefaultExtensions : settings.Extensions.ToList();
        var extensions = configured.Select(e => e.TrimStart('.')).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var extension in extensions)
        {
            if (extension.Length == 0 || extension.IndexOfAny(['.', '/', '\\', '\0']) >= 0)
            {
                throw new ArgumentException($"'{extension}' is not a file extension.", nameof(settings));
            }
        }

        return extensions;
    }
}

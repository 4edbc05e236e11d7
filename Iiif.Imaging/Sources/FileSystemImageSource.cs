using Iiif.Core.Identifiers;
using Microsoft.Extensions.Options;

namespace Iiif.Imaging.Sources;

/// <summary>Serves images from a folder, mapping identifiers to files with the old server's resolver schemes
/// (<see cref="FileSystemResolverScheme"/>) and probing the configured extensions in order.</summary>
/// <remarks>Nothing outside the root is opened: see <see cref="ConfinedPath"/> for the checks and the symlink policy.
/// Only non-empty regular files count; a folder named like an identifier is no image. The version is the file's
/// (last write time UTC, length), read when the identifier is resolved. The root is resolved on every call, so it may
/// be created or re-pointed while the server runs.</remarks>
internal sealed class FileSystemImageSource : IImageSource
{
    private readonly string _root;
    private readonly FileSystemLayout _layout;
    private readonly FileSystemLister _lister;

    /// <summary>Creates a source from validated options.</summary>
    public FileSystemImageSource(IOptions<FileSystemSourceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Root, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.NestedDepth, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxListedImages, 1, nameof(options));

        _root = settings.Root;
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
        if (string.IsNullOrEmpty(identifier.Value) || ConfinedPath.ResolveRoot(_root) is not { } realRoot)
        {
            return null;
        }

        foreach (var candidate in _layout.Candidates(identifier.Value))
        {
            if (ConfinedPath.FindFile(realRoot, candidate) is { } file)
            {
                return new FileSystemImageSourceHandle(identifier, file);
            }
        }

        return null;
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

using Iiif.Core.Identifiers;
using Iiif.Imaging.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iiif.Tests.Imaging.Sources;

/// <summary>A temporary folder laid out as <c>{parent}/root</c>, so tests can also place files just outside the root.</summary>
internal sealed class TempSourceRoot : IDisposable
{
    public TempSourceRoot()
    {
        Parent = Directory.CreateTempSubdirectory("iiif-sources-").FullName;
        Root = Path.Join(Parent, "root");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder holding the root, for files that must stay out of reach.</summary>
    public string Parent { get; }

    public string Root { get; }

    /// <summary>Writes a file at <paramref name="relative"/> below the root (default content: 3 bytes).</summary>
    public string Write(string relative, byte[]? bytes = null) => WriteAt(Path.Join(Root, relative), bytes);

    /// <summary>Writes a file at <paramref name="relative"/> below the parent, outside the root.</summary>
    public string WriteOutside(string relative, byte[]? bytes = null) => WriteAt(Path.Join(Parent, relative), bytes);

    public FileSystemImageSource Source(
        FileSystemResolverScheme scheme = FileSystemResolverScheme.Simple, int nestedDepth = 2, int maxListed = 10_000,
        string? root = null, params string[] extensions) =>
        Source(followLinksOutside: false, logger: null, scheme, nestedDepth, maxListed, root, extensions);

    public FileSystemImageSource Source(
        bool followLinksOutside, ILogger<FileSystemImageSource>? logger, FileSystemResolverScheme scheme = FileSystemResolverScheme.Simple,
        int nestedDepth = 2, int maxListed = 10_000, string? root = null, params string[] extensions)
    {
        var options = new FileSystemSourceOptions
        {
            Root = root ?? Root,
            Resolver = scheme,
            NestedDepth = nestedDepth,
            MaxListedImages = maxListed,
            Extensions = extensions.ToList(),
            FollowSymlinksOutsideRoot = followLinksOutside,
        };
        return new FileSystemImageSource(Options.Create(options), logger);
    }

    public static async Task<ImageSourceHandle?> ResolveAsync(IImageSource source, string identifier) =>
        await source.ResolveAsync(new ImageIdentifier(identifier), CancellationToken.None);

    public static async Task<List<string>> ListAsync(IImageSource source)
    {
        var identifiers = new List<string>();
        await foreach (var identifier in source.ListAsync(CancellationToken.None))
        {
            identifiers.Add(identifier.Value);
        }

        return identifiers;
    }

    public void Dispose()
    {
        // Recursive delete removes links themselves, never what they point at.
        Directory.Delete(Parent, recursive: true);
    }

    private static string WriteAt(string path, byte[]? bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes ?? [1, 2, 3]);
        return path;
    }
}

namespace Iiif.Imaging.Sources;

/// <summary>How <c>FileSystemImageSource</c> maps an identifier to a file below its root (the old server's
/// <c>resolver.type</c>). Every scheme probes the configured extensions in order.</summary>
public enum FileSystemResolverScheme
{
    /// <summary><c>{root}/{id}.{ext}</c>; a '/' in the identifier (sent as <c>%2F</c>) names a subfolder, and an identifier
    /// that already ends in a listed extension is also tried as the file name itself.</summary>
    Simple,

    /// <summary><c>{root}/{first N characters of id}/{id}.{ext}</c>, N being <see cref="FileSystemSourceOptions.NestedDepth"/>.</summary>
    Nested,

    /// <summary>A Pairtree path (CDL Pairtree spec): <c>{root}/{2-char shorties of the cleaned id}/{cleaned id}.{ext}</c>,
    /// with the root playing the spec's <c>pairtree_root</c>.</summary>
    Pairtree,
}

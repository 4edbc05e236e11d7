using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Sources;

/// <summary>Settings of the filesystem image source: where the images live and how identifiers name them.</summary>
public sealed class FileSystemSourceOptions
{
    /// <summary>The extensions probed when <see cref="Extensions"/> is empty: JPEG 2000 first (it decodes regions and
    /// reduced resolutions cheaply; j2c and jhc are the usual names of raw HTJ2K codestreams), then TIFF, JPEG, PNG,
    /// GIF, WebP and BMP.</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } =
        ["jp2", "j2k", "jpx", "jpf", "j2c", "jhc", "tif", "tiff", "jpg", "jpeg", "png", "gif", "webp", "bmp"];

    /// <summary>The folder holding the images. A relative path is taken from the process's current directory. Nothing
    /// outside it is ever opened, whatever the identifier or a symbolic link says. Default <c>samples</c>, the folder
    /// the server's <c>samples</c> command fills.</summary>
    [Required(ErrorMessage = "must name the folder of the source images")]
    public string Root { get; set; } = "samples";

    /// <summary>How identifiers map to files. Default <see cref="FileSystemResolverScheme.Simple"/>.</summary>
    public FileSystemResolverScheme Resolver { get; set; } = FileSystemResolverScheme.Simple;

    /// <summary>For <see cref="FileSystemResolverScheme.Nested"/>: how many leading characters of the identifier name its
    /// folder. Default 2.</summary>
    [Range(1, 64, ErrorMessage = "must be between {1} and {2}")]
    public int NestedDepth { get; set; } = 2;

    /// <summary>File extensions (without the dot) probed in this order; matched case-sensitively, as the filesystem does.
    /// Empty means <see cref="DefaultExtensions"/>: configuration binding adds to a list instead of replacing it, so the
    /// defaults cannot live in the list itself.</summary>
    public IList<string> Extensions { get; set; } = [];

    /// <summary>Follow symbolic links below <see cref="Root"/> that lead out of it (for collections on other shares linked
    /// into one root). Off by default: such a link is refused as if the file were absent, and logged. Identifiers can
    /// never climb out of the root themselves either way.</summary>
    public bool FollowSymlinksOutsideRoot { get; set; }

    /// <summary>The most identifiers <c>ListAsync</c> returns, so listing a huge root stays bounded. Default 10 000.</summary>
    [Range(1, 1_000_000, ErrorMessage = "must be between {1} and {2}")]
    public int MaxListedImages { get; set; } = 10_000;
}

using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary>The <c>images</c> section: where source images are and how identifiers map to files.</summary>
internal sealed class ImagesOptions
{
    public const string SectionName = "images";

    /// <summary>The resolver names <see cref="Resolver"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Resolvers = ["simple", "nested", "pairtree"];

    /// <summary>Source folder; absolute after start-up (relative values resolve against the content root).</summary>
    public string Root { get; set; } = "samples";

    /// <summary>simple, nested or pairtree (lower case after start-up).</summary>
    public string Resolver { get; set; } = "simple";

    /// <summary>Identifier characters used as the folder name by the nested resolver.</summary>
    [Range(1, 32, ErrorMessage = "must be between {1} and {2}")]
    public int NestedDepth { get; set; } = 2;

    /// <summary>Serve files reached through symbolic links that lead out of <see cref="Root"/> (NAS collections linked
    /// into one root); off = such links are refused with 404 and a warning in the log.</summary>
    public bool FollowSymlinksOutsideRoot { get; set; }

    /// <summary>Extensions probed in order: lower case, without the dot (default list in config/default.yml).</summary>
    public List<string> Extensions { get; set; } = [];
}

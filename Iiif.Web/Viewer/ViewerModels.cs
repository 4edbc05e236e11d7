namespace Iiif.Web.Viewer;

/// <summary>The deep-zoom page of one image.</summary>
/// <param name="Identifier">The decoded identifier, shown in the title.</param>
/// <param name="InfoUrl">The image's info.json, which OpenSeadragon opens.</param>
/// <param name="AssetsAvailable">False when OpenSeadragon is missing from wwwroot/lib (npm step not run).</param>
public sealed record ViewerPageModel(string Identifier, string InfoUrl, bool AssetsAvailable);

/// <summary>One line of the index page.</summary>
public sealed record ViewerIndexEntry(string Identifier, string ViewerUrl, string InfoUrl);

/// <summary>The index page: the images of the folder, at most <paramref name="Limit"/> of them.</summary>
public sealed record ViewerIndexModel(IReadOnlyList<ViewerIndexEntry> Images, bool Truncated, int Limit)
{
    /// <summary>Source rules whose images cannot be listed (reached by identifier only).</summary>
    public IReadOnlyList<string> UnlistedRules { get; init; } = [];
}

/// <summary>The 404 page of an identifier with no image.</summary>
public sealed record ViewerNotFoundModel(string Identifier);

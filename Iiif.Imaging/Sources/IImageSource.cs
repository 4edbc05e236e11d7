using Iiif.Core.Identifiers;

namespace Iiif.Imaging.Sources;

/// <summary>Where images come from. The filesystem is the first implementation; HTTP or object storage can be added
/// behind the same two methods without touching the controllers.</summary>
public interface IImageSource
{
    /// <summary>Finds the image for <paramref name="identifier"/>, or null when there is none (404). Never opens anything
    /// outside the source's own root, whatever the identifier says.</summary>
    ValueTask<ImageSourceHandle?> ResolveAsync(ImageIdentifier identifier, CancellationToken cancellationToken);

    /// <summary>Lists the identifiers this source can serve (for the index page and the command-line warmer).</summary>
    IAsyncEnumerable<ImageIdentifier> ListAsync(CancellationToken cancellationToken);

    /// <summary>Names of the source rules whose images <see cref="ListAsync"/> cannot include (an HTTP server cannot be
    /// listed), so an index can say that their images are reached by identifier only.</summary>
    IReadOnlyList<string> UnlistedRules => [];
}

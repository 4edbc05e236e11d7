namespace Iiif.Caching.Derivatives;

/// <summary>Deletes disk derivatives not served for longer than <see cref="CachingOptions.CleanProfileAfter"/> (profile
/// derivatives) or <see cref="CachingOptions.CleanOtherAfter"/> (the rest), and removes folders left empty. Ages come
/// from the cache's own last-served records, never from filesystem atime.</summary>
public interface IDerivativeCleaner
{
    /// <summary>One pass over the disk tier.</summary>
    Task<CleanReport> CleanAsync(CancellationToken cancellationToken);
}

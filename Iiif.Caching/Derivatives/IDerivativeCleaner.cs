namespace Iiif.Caching.Derivatives;

/// <summary>Deletes disk derivatives not served for longer than <see cref="CacheCleanOptions.ProfileAfter"/> (profile
/// derivatives) or <see cref="CacheCleanOptions.OtherAfter"/> (the rest), and removes folders left empty. Ages come
/// from the cache's own last-served records, never from filesystem atime.</summary>
public interface IDerivativeCleaner
{
    /// <summary>One pass over the disk tier.</summary>
    Task<CleanReport> CleanAsync(CancellationToken cancellationToken);
}

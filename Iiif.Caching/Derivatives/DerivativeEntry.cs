namespace Iiif.Caching.Derivatives;

/// <summary>A derivative held in memory: what the memory tier stores and what one render hands to all its waiters.</summary>
internal sealed record DerivativeEntry(DerivativeMetadata Metadata, byte[] Bytes);

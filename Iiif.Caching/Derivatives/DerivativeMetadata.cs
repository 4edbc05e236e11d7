namespace Iiif.Caching.Derivatives;

/// <summary>What the host knows about a derivative before it is rendered; stored beside the bytes.</summary>
/// <param name="MediaType">The Content-Type to serve it with.</param>
/// <param name="ETag">The entity tag to serve it with (quoted, as sent).</param>
/// <param name="IsProfile">True when the request matches a configured profile tail: the cleaner keeps these longer.</param>
public sealed record DerivativeMetadata(string MediaType, string ETag, bool IsProfile);

namespace Iiif.Imaging.Sources;

/// <summary>Why a remote source could not give its bytes; each maps to one answer to the client.</summary>
public enum SourceFailure
{
    /// <summary>The upstream has no such object (404).</summary>
    NotFound,

    /// <summary>The upstream refused our credentials or access (403).</summary>
    Forbidden,

    /// <summary>The upstream did not answer within the source's timeout (504).</summary>
    Timeout,

    /// <summary>The upstream failed (5xx, connection refused or reset) (502).</summary>
    Upstream,

    /// <summary>The upstream sent fewer bytes than it promised (502).</summary>
    Truncated,

    /// <summary>The object changed since its version was read (its entity tag, time or length differ): bytes of two
    /// versions are never mixed (the request is retried once with the new version, then 502).</summary>
    Changed,
}

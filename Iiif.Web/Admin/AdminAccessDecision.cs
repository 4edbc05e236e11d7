namespace Iiif.Web.Admin;

/// <summary>The outcome of checking a request against the <c>admin</c> section.</summary>
internal enum AdminAccessDecision
{
    Allowed,

    /// <summary>No apiKey configured: admin endpoints do not exist (404).</summary>
    Disabled,

    /// <summary>The client address is not in allowedIps (403).</summary>
    Forbidden,

    /// <summary>The X-Api-Key header is missing or wrong (401).</summary>
    Unauthorized,
}

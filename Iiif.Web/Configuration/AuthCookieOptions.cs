namespace Iiif.Web.Configuration;

/// <summary>The <c>auth.cookie</c> section: the access cookie set by the login and terms pages.</summary>
internal sealed class AuthCookieOptions
{
    public string Name { get; set; } = "iiif-auth";

    /// <summary>Seconds a login or an accepted terms page stays valid.</summary>
    public int Lifetime { get; set; } = 28800;

    /// <summary>auto, none, lax or strict. auto = none (with Secure) when a page of another origin shows the images
    /// (auth.allowedOrigins names one, or "*"), else lax.</summary>
    public string SameSite { get; set; } = "auto";

    /// <summary>Cookie Domain attribute; empty = the host the cookie came from.</summary>
    public string Domain { get; set; } = string.Empty;
}

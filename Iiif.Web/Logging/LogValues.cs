namespace Iiif.Web.Logging;

/// <summary>Well-known values of the <see cref="LogKeys"/> properties, as the old server wrote them.</summary>
internal static class LogValues
{
    public const string Hit = "hit";
    public const string Miss = "miss";
    public const string Set = "set";
    public const string Write = "write";
    public const string Params = "params";
    public const string Info = "info";
    public const string InfoJson = "info.json";
    public const string Image = "image";
    public const string Viewer = "viewer";

    /// <summary><see cref="LogKeys.Op"/> values of cache maintenance.</summary>
    public const string Warm = "warm";
    public const string Purge = "purge";
    public const string Clean = "clean";

    /// <summary>The <see cref="LogKeys.Route"/> of a base URI answered with a redirect to its info.json.</summary>
    public const string Redirect = "redirect";

    /// <summary>The <see cref="LogKeys.Route"/> of a request under the IIIF prefix whose path names no IIIF form.</summary>
    public const string Iiif = "iiif";

    /// <summary>The <see cref="LogKeys.Route"/> of a request no endpoint matched.</summary>
    public const string NoRoute = "none";
}

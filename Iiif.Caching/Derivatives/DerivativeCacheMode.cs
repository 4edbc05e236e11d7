namespace Iiif.Caching.Derivatives;

/// <summary>How a lookup treats existing entries.</summary>
public enum DerivativeCacheMode
{
    /// <summary>Serve a cached entry when there is one, else render once and store.</summary>
    Normal,

    /// <summary>Admin "recache": ignore existing entries, render, and overwrite them in every tier.</summary>
    Refresh,
}

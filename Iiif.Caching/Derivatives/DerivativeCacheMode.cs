namespace Iiif.Caching.Derivatives;

/// <summary>How a lookup treats existing entries.</summary>
public enum DerivativeCacheMode
{
    /// <summary>Serve a cached entry when there is one, else render once and store.</summary>
    Normal,

    /// <summary>Admin "recache": ignore existing entries, render, and overwrite them in every tier.</summary>
    Refresh,

    /// <summary>For bytes the source holds as they are (a stored tile): served from and kept in the memory tier only, since
    /// a disk or shared copy would cost a write per entry and be no cheaper to read than the source.</summary>
    MemoryOnly,
}

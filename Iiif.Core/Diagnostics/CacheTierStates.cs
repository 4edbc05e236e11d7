namespace Iiif.Core.Diagnostics;

/// <summary>The states a cache tier reports (<see cref="CacheTierHealth.State"/>): one spelling for health and metrics.</summary>
public static class CacheTierStates
{
    /// <summary>Working.</summary>
    public const string Ok = "ok";

    /// <summary>Its filesystem is full: stores fail even after evicting to make room.</summary>
    public const string Full = "full";

    /// <summary>Its folder cannot be written (permissions, a read-only mount, a missing parent).</summary>
    public const string Unwritable = "unwritable";

    /// <summary>Its server (Redis) cannot be reached; requests are served without it.</summary>
    public const string Unavailable = "unavailable";
}

namespace Iiif.Core.Diagnostics;

/// <summary>A cache that reports whether its tiers work. The host finds every registered source for readiness,
/// <c>/admin/health</c> and <c>/metrics</c>. Reading it must be cheap and must never wait on a network.</summary>
public interface ICacheHealthSource
{
    /// <summary>One entry per tier this source can report on, read now.</summary>
    IReadOnlyList<CacheTierHealth> GetHealth();
}

using Iiif.Core.Diagnostics;

namespace Iiif.Web.Admin;

/// <summary>The body of <c>GET /admin/cache/stats</c>: one entry per cache and tier (info and derivatives; memory, disk,
/// shared), each with entries, bytes, hits, misses, evictions and hitRatio since start-up.</summary>
/// <param name="Tiers">Every registered cache's tiers, in registration order.</param>
public sealed record CacheStatisticsReport(IReadOnlyList<CacheStatistics> Tiers);

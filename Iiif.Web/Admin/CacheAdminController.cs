using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Iiif.Core.Diagnostics;
using Iiif.Core.Errors;
using Iiif.Web.Cleaning;
using Iiif.Web.Logging;
using Iiif.Web.Warming;
using Microsoft.AspNetCore.Mvc;

namespace Iiif.Web.Admin;

/// <summary>Cache operations under /admin/cache: warm, purge, statistics and a cleaning pass. Protected like every admin
/// endpoint (<see cref="AdminAccessFilter"/>); identifiers are read from the raw request target (<see cref="AdminIdentifier"/>)
/// and percent-encoded exactly as in IIIF URLs. Each action takes only the services it needs.</summary>
[ApiController]
[Route("admin/cache")]
[ApiExplorerSettings(GroupName = AdminApi.GroupName)]
[ServiceFilter<AdminAccessFilter>]
[Produces("application/json")]
[ProducesResponseType(StatusCodes.Status401Unauthorized)]
[ProducesResponseType(StatusCodes.Status403Forbidden)]
internal sealed class CacheAdminController(ILogger<CacheAdminController> logger) : ControllerBase
{
    /// <summary>Segments before the identifier in /admin/cache/warm/{id}, /admin/cache/{id} and /warm/{id}.</summary>
    private const int WarmSegments = 3;
    private const int PurgeSegments = 2;
    private const int LegacyWarmSegments = 1;

    /// <summary>Warms one identifier: clears what cache.warm.clearWith says (id, profile or none), then renders its
    /// info.json and every configured profile into the cache. 404 when cache.warm.enabled is false or the image does
    /// not exist; a profile that fails is reported in its entry, not as the status.</summary>
    /// <param name="id">The identifier, percent-encoded as in IIIF URLs (%2F for a slash inside it).</param>
    /// <param name="warmer">The warming service.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    [HttpPost("warm/{**id}", Name = "admin-cache-warm")]
    [ServiceFilter<WarmEnabledFilter>(Order = -1)]
    [ProducesResponseType<WarmReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public Task<IActionResult> Warm(string id, [FromServices] CacheWarmer warmer, CancellationToken cancellationToken) =>
        WarmAsync(WarmSegments, id, warmer, cancellationToken);

    /// <summary>The old server's <c>GET /warm/{id}</c>, kept for existing scripts; same protection and answer.</summary>
    [HttpGet("/warm/{**id}", Name = "warm-legacy")]
    [ApiExplorerSettings(IgnoreApi = true)]
    [ServiceFilter<WarmEnabledFilter>(Order = -1)]
    public Task<IActionResult> WarmLegacy(string id, [FromServices] CacheWarmer warmer, CancellationToken cancellationToken) =>
        WarmAsync(LegacyWarmSegments, id, warmer, cancellationToken);

    /// <summary>Purges one identifier: every derivative in the local tiers and its info entries.</summary>
    /// <param name="id">The identifier, percent-encoded as in IIIF URLs.</param>
    /// <param name="derivatives">The derivative cache.</param>
    /// <param name="infos">The info cache.</param>
    /// <param name="cancellationToken">Aborted request.</param>
    [HttpDelete("{**id}", Name = "admin-cache-purge")]
    [ProducesResponseType<CachePurgeReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Purge(
        string id, [FromServices] IDerivativeCache derivatives, [FromServices] IInfoCache infos, CancellationToken cancellationToken)
    {
        _ = id; // Bound for the API description only: the routing value is decoded, so the raw target is read instead.
        var identifier = AdminIdentifier.Read(HttpContext, PurgeSegments);
        if (!identifier.IsSuccess)
        {
            return Failure(identifier.Error);
        }

        var value = identifier.Value.Value;
        var removed = await derivatives.PurgeAsync(value, profilesOnly: false, cancellationToken).ConfigureAwait(false);
        await infos.RemoveAsync(value, cancellationToken).ConfigureAwait(false);
        Log.CachePurged(logger, LogValues.Image, LogValues.Purge, value, removed);
        HttpContext.SetLogResult("admin");
        return Ok(new CachePurgeReport(value, removed));
    }

    /// <summary>Purges everything: every derivative in the local tiers and every info entry.</summary>
    [HttpDelete("", Name = "admin-cache-purge-all")]
    [ProducesResponseType<CachePurgeReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PurgeAll(
        [FromServices] IDerivativeCache derivatives, [FromServices] IInfoCache infos, CancellationToken cancellationToken)
    {
        var removed = await derivatives.PurgeAllAsync(cancellationToken).ConfigureAwait(false);
        await infos.ClearAsync(cancellationToken).ConfigureAwait(false);
        Log.CachePurged(logger, LogValues.Image, LogValues.Purge, "*", removed);
        HttpContext.SetLogResult("admin");
        return Ok(new CachePurgeReport(null, removed));
    }

    /// <summary>Entries, bytes, hits, misses and hit ratio of every cache tier since start-up (entries and bytes are
    /// null where a tier cannot tell, e.g. a shared Redis).</summary>
    [HttpGet("stats", Name = "admin-cache-stats")]
    [ProducesResponseType<CacheStatisticsReport>(StatusCodes.Status200OK)]
    public ActionResult<CacheStatisticsReport> Statistics([FromServices] IEnumerable<ICacheStatisticsSource> caches)
    {
        HttpContext.SetLogResult("admin");
        return Ok(new CacheStatisticsReport([.. caches.SelectMany(cache => cache.GetStatistics())]));
    }

    /// <summary>Runs one cleaning pass now: deletes file-cache derivatives unused for longer than cache.clean.profileImage
    /// (profile tails) or cache.clean.randomImage (the rest) and removes folders left empty.</summary>
    [HttpPost("clean", Name = "admin-cache-clean")]
    [ProducesResponseType<CleanReport>(StatusCodes.Status200OK)]
    public async Task<ActionResult<CleanReport>> Clean([FromServices] IDerivativeCleaner cleaner, CancellationToken cancellationToken)
    {
        var report = await cleaner.CleanAsync(cancellationToken).ConfigureAwait(false);
        CacheCleaningService.LogReport(logger, report);
        HttpContext.SetLogResult("admin");
        return Ok(report);
    }

    private async Task<IActionResult> WarmAsync(int segments, string id, CacheWarmer warmer, CancellationToken cancellationToken)
    {
        _ = id; // As in Purge: documented, but read from the raw target.
        var identifier = AdminIdentifier.Read(HttpContext, segments);
        if (!identifier.IsSuccess)
        {
            return Failure(identifier.Error);
        }

        var report = await warmer.WarmAsync(identifier.Value.Value, cancellationToken).ConfigureAwait(false);
        HttpContext.SetLogResult("admin");
        return report.IsSuccess ? Ok(report.Value) : Failure(report.Error);
    }

    private ObjectResult Failure(IiifError error) => Problem(detail: error.ToString(), statusCode: error.StatusCode);
}

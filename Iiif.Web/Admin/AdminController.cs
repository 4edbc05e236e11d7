using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Iiif.Core.Diagnostics;
using Iiif.Web.Configuration;
using Iiif.Web.Health;
using Iiif.Web.Logging;
using Microsoft.AspNetCore.Mvc;

namespace Iiif.Web.Admin;

/// <summary>Operator endpoints under /admin, the only ones in the Swagger document. Each needs X-Api-Key and an allowed
/// client address (<see cref="AdminAccessFilter"/>). Cache purge and statistics endpoints belong here too.</summary>
[ApiController]
[Route("admin")]
[ApiExplorerSettings(GroupName = AdminApi.GroupName)]
[ServiceFilter<AdminAccessFilter>]
[Produces("application/json")]
[ProducesResponseType(StatusCodes.Status401Unauthorized)]
[ProducesResponseType(StatusCodes.Status403Forbidden)]
internal sealed class AdminController(HealthProbe probe, IEnumerable<ICacheHealthSource> caches, LayeredConfiguration configuration) : ControllerBase
{
    /// <summary>Whether the image folder is readable and the JPEG 2000 codec loads (503 when not), and the state of each
    /// cache tier (a failing tier is reported, but the server still serves: 200).</summary>
    [HttpGet("health", Name = "admin-health")]
    [ProducesResponseType<AdminHealthReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<AdminHealthReport>(StatusCodes.Status503ServiceUnavailable)]
    public ActionResult<AdminHealthReport> Health()
    {
        var report = probe.Check();
        var body = new AdminHealthReport(report.Status, report.Images, probe.ImagesRoot, report.Jpeg2000, RuntimeInformation.FrameworkDescription,
            [.. caches.SelectMany(c => c.GetHealth())]);
        HttpContext.SetLogResult("admin");
        return report.IsHealthy ? Ok(body) : StatusCode(StatusCodes.Status503ServiceUnavailable, body);
    }

    /// <summary>The effective configuration, every layer merged: each setting's typed value and the layer that set it
    /// (default.yml, the overlay, local.yml, an environment variable, the command line); the API key and passwords masked.</summary>
    [HttpGet("config", Name = "admin-config")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK)]
    public ActionResult<JsonObject> Config()
    {
        HttpContext.SetLogResult("admin");
        return Ok(ConfigurationSummary.Build(configuration));
    }
}

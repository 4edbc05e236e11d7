using Iiif.Web.Logging;

namespace Iiif.Web.Health;

/// <summary>The public health endpoints, without authentication: <c>GET /health</c> for load balancers (200 when
/// healthy, 503 otherwise, so a node whose image share vanished is taken out of rotation); <c>/health/live</c> for a
/// process supervisor (200 while the process answers at all: restarting it would not fix a missing share); and
/// <c>/health/ready</c> for a load balancer or orchestrator (200 "degraded" when the disk cache cannot store; see
/// <see cref="ReadinessCheck"/>).</summary>
internal static class HealthEndpoints
{
    public const string RouteName = "health-check";
    public const string LiveRouteName = "health";
    public const string ReadyRouteName = "health-ready";

    public static IEndpointRouteBuilder MapIiifHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (HealthProbe probe, HttpContext context) =>
            {
                var report = probe.Check();
                context.SetLogResult("health");
                return TypedResults.Json(report, statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithName(RouteName)
            .WithMetadata(new QuietRequestLogAttribute())
            .ExcludeFromDescription();
        endpoints.MapGet("/health/live", () => TypedResults.Ok(new { status = "ok" }))
            .WithName(LiveRouteName)
            .WithMetadata(new QuietRequestLogAttribute())
            .ExcludeFromDescription();
        endpoints.MapGet("/health/ready", (ReadinessCheck readiness, HttpContext context) =>
            {
                var report = readiness.Check();
                context.SetLogResult("health");
                return TypedResults.Json(report, statusCode: report.IsServing ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithName(ReadyRouteName)
            .WithMetadata(new QuietRequestLogAttribute())
            .ExcludeFromDescription();
        return endpoints;
    }
}

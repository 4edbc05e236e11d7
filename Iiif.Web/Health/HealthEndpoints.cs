using Iiif.Web.Logging;

namespace Iiif.Web.Health;

/// <summary>The public <c>GET /health</c> for load balancers: no authentication, 200 when healthy, 503 otherwise, so a
/// node whose image share vanished is taken out of rotation.</summary>
internal static class HealthEndpoints
{
    public const string RouteName = "health-check";

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
        return endpoints;
    }
}

using Iiif.Imaging;
using Iiif.Web.Configuration;
using Iiif.Web.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace Iiif.Web.Metrics;

/// <summary>Registers the metrics and maps <c>GET /metrics</c> (Prometheus text format) when metrics.enabled, for the
/// addresses in metrics.allowedIps only.</summary>
internal static class MetricsExtensions
{
    public const string RouteName = "metrics";

    /// <summary>The metrics singleton and the timing decorator around the registered <see cref="IImageRenderer"/>;
    /// call after the imaging services are added.</summary>
    public static IServiceCollection AddIiifMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<IiifMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        DecorateRenderer(services);
        return services;
    }

    /// <summary>The request counter, placed right after the request log so it sees the log's route label.</summary>
    public static WebApplication UseIiifMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsEnabled(app))
        {
            app.UseMiddleware<MetricsMiddleware>();
        }

        return app;
    }

    public static WebApplication MapIiifMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsEnabled(app))
        {
            var registry = app.Services.GetRequiredService<IiifMetrics>().Registry;
            app.MapMetrics("/metrics", registry)
                .WithName(RouteName)
                .WithMetadata(new QuietRequestLogAttribute(), new MetricsEndpointMarker());
            // After routing (which chose the endpoint), before the endpoint runs.
            app.UseMiddleware<MetricsAccessMiddleware>();
        }

        return app;
    }

    // Read from configuration, not options: resolving options while the pipeline is built would report a bad value
    // before StartAsync does (as MapIiif does for the prefix).
    private static bool IsEnabled(WebApplication app) =>
        !bool.TryParse(app.Configuration[MetricsOptions.SectionName + ":enabled"], out var enabled) || enabled;

    private static void DecorateRenderer(IServiceCollection services)
    {
        var index = services.Count - 1;
        while (index >= 0 && services[index].ServiceType != typeof(IImageRenderer))
        {
            index--;
        }

        if (index < 0 || services[index].ImplementationType is not { } implementation)
        {
            return;
        }

        services[index] = ServiceDescriptor.Describe(
            typeof(IImageRenderer),
            sp => new TimedImageRenderer(
                (IImageRenderer)ActivatorUtilities.CreateInstance(sp, implementation),
                sp.GetRequiredService<IiifMetrics>(),
                sp.GetRequiredService<TimeProvider>()),
            services[index].Lifetime);
    }
}

using Iiif.Caching;
using Iiif.Imaging;
using Iiif.Web.Configuration;
using Iiif.Web.Errors;
using Iiif.Web.Http;
using Iiif.Web.Pipeline;

namespace Iiif.Web;

/// <summary>Registers and mounts the IIIF Image API endpoint.</summary>
internal static class IiifEndpointExtensions
{
    /// <summary>MVC (for the other controllers), the imaging layer and the caches (their options bound by
    /// AddIiifOptions), the pipeline, the endpoint, the render gate and the exception handler.</summary>
    public static IServiceCollection AddIiifServer(this IServiceCollection services)
    {
        services.AddIiifMvc();
        services.AddIiifImaging();
        services.AddSingleton<RenderGate>();
        services.AddSingleton<DeclineLog>();
        services.AddSingleton<InfoDocumentFactory>();
        services.AddIiifCaching();
        services.AddSingleton<RenderSettings>();
        services.AddSingleton<ProfileTails>();
        services.AddSingleton<ImagePipeline>();
        services.AddSingleton<IImagePipeline>(sp => sp.GetRequiredService<ImagePipeline>());
        services.AddSingleton<IiifTargetReader>();
        services.AddSingleton<Iiif.Core.Diagnostics.ICacheStatisticsSource>(sp => sp.GetRequiredService<IiifTargetReader>());
        services.AddSingleton<IiifEndpoint>();
        services.AddExceptionHandler<IiifExceptionHandler>();
        return services;
    }

    /// <summary>The exception handler and the CORS header, so both cover every IIIF response, then the IIIF endpoint
    /// itself for every request under the prefix: answered before routing, which a tile server pays for on every hit
    /// and which has nothing to decide for a path the prefix already names.</summary>
    public static WebApplication UseIiifHttp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The delegate runs only if IiifExceptionHandler declined, which it never does; the middleware requires one.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = _ => Task.CompletedTask });
        app.UseMiddleware<IiifCorsMiddleware>();
        var prefix = PrefixOf(app);
        if (prefix.Length > 0)
        {
            var segment = new PathString("/" + prefix);
            var endpoint = LazyEndpoint();
            // Case-insensitive like routing: a wrongly cased prefix still gets the endpoint's own 404.
            app.Use((context, next) => context.Request.Path.StartsWithSegments(segment, StringComparison.OrdinalIgnoreCase)
                ? endpoint(context).HandleAsync(context)
                : next(context));
        }

        return app;
    }

    /// <summary>With an empty prefix the IIIF paths share the root with the viewer, admin and health routes, so the same
    /// endpoint is mounted as the catch-all route instead, which routing tries only after every other route.</summary>
    public static WebApplication MapIiif(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (PrefixOf(app).Length == 0)
        {
            var endpoint = LazyEndpoint();
            app.Map("{**path}", context => endpoint(context).HandleAsync(context)).WithName("iiif");
        }

        return app;
    }

    // Read from configuration, not options: resolving options here would report a bad value before StartAsync does.
    private static string PrefixOf(WebApplication app) =>
        (app.Configuration[ServerOptions.SectionName + ":prefix"] ?? "iiif").Trim().Trim('/');

    // Resolved by the first request, after start-up has validated the options.
    private static Func<HttpContext, IiifEndpoint> LazyEndpoint()
    {
        IiifEndpoint? endpoint = null;
        return context => endpoint ??= context.RequestServices.GetRequiredService<IiifEndpoint>();
    }
}

using Iiif.Web.Configuration;
using Iiif.Web.Errors;
using Iiif.Web.Http;
using Iiif.Web.Pipeline;

namespace Iiif.Web;

/// <summary>Registers and maps the IIIF Image API endpoint.</summary>
internal static class IiifEndpointExtensions
{
    /// <summary>MVC (for the other controllers), the imaging layer and the caches fed from configuration, the pipeline,
    /// the endpoint, the render gate and the exception handler.</summary>
    public static IServiceCollection AddIiifServer(this IServiceCollection services)
    {
        services.AddIiifMvc();
        services.AddIiifImagingFromConfiguration();
        services.AddSingleton<RenderGate>();
        services.AddSingleton<InfoDocumentFactory>();
        services.AddIiifCachingFromConfiguration();
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

    /// <summary>The exception handler and the CORS header, before routing so both cover every IIIF response.</summary>
    public static WebApplication UseIiifHttp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The delegate runs only if IiifExceptionHandler declined, which it never does; the middleware requires one.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = _ => Task.CompletedTask });
        app.UseMiddleware<IiifCorsMiddleware>();
        return app;
    }

    /// <summary>One catch-all route under the prefix, for every method, served by <see cref="IiifEndpoint"/>.</summary>
    public static WebApplication MapIiif(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read from configuration, not options: resolving options here would report a bad value before StartAsync does.
        var prefix = (app.Configuration[ServerOptions.SectionName + ":prefix"] ?? "iiif").Trim().Trim('/');
        var pattern = (prefix.Length > 0 ? prefix + "/" : string.Empty) + "{**path}";
        IiifEndpoint? endpoint = null; // resolved by the first request, after start-up has validated the options
        app.Map(pattern, context => (endpoint ??= context.RequestServices.GetRequiredService<IiifEndpoint>()).HandleAsync(context))
            .WithName("iiif");
        return app;
    }
}

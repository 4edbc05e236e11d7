using Iiif.Caching;
using Iiif.Imaging;
using Iiif.Web.Configuration;
using Iiif.Web.Errors;
using Iiif.Web.Http;
using Iiif.Web.Pipeline;

namespace Iiif.Web;

/// <summary>Registers and maps the IIIF Image API endpoints.</summary>
internal static class IiifEndpointExtensions
{
    /// <summary>MVC, the imaging layer and the caches (their options bound by AddIiifOptions), the pipeline and handlers, the render gate and the
    /// exception handler.</summary>
    public static IServiceCollection AddIiifServer(this IServiceCollection services)
    {
        services.AddIiifMvc();
        services.AddIiifImaging();
        services.AddSingleton<RenderGate>();
        services.AddSingleton<InfoDocumentFactory>();
        services.AddSingleton<IiifTargetReader>();
        services.AddIiifCaching();
        services.AddSingleton<RenderSettings>();
        services.AddSingleton<ProfileTails>();
        services.AddSingleton<ImagePipeline>();
        services.AddSingleton<IImagePipeline>(sp => sp.GetRequiredService<ImagePipeline>());
        services.AddSingleton<HotResponses>();
        services.AddSingleton<InfoRequestHandler>();
        services.AddSingleton<ImageRequestHandler>();
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
        app.UseMiddleware<HotImageMiddleware>();
        return app;
    }

    /// <summary>One catch-all route under the prefix, served by <see cref="Controllers.IiifImageController"/>.</summary>
    public static WebApplication MapIiif(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read from configuration, not options: resolving options here would report a bad value before StartAsync does.
        var prefix = (app.Configuration[ServerOptions.SectionName + ":prefix"] ?? "iiif").Trim().Trim('/');
        var pattern = (prefix.Length > 0 ? prefix + "/" : string.Empty) + "{**path}";
        app.MapControllerRoute("iiif", pattern, new { controller = "IiifImage", action = "Handle" });
        return app;
    }
}

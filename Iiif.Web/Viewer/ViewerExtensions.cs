using Iiif.Web.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iiif.Web.Viewer;

/// <summary>Registers and maps the viewer pages (<c>/viewer</c>, <c>/viewer/{id}</c>) and the static files under
/// wwwroot they load (OpenSeadragon in lib/, the page's own script and style).</summary>
internal static class ViewerExtensions
{
    public static IServiceCollection AddIiifViewer(this IServiceCollection services)
    {
        services.AddIiifMvc();
        services.TryAddSingleton<ViewerEnabledFilter>();
        return services;
    }

    public static WebApplication MapIiifViewer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Only for the paths wwwroot holds (lib/, css/, js/ ...): the static-file middleware would otherwise stat a file
        // for every tile request.
        var folders = app.Environment.WebRootFileProvider.GetDirectoryContents(string.Empty)
            .Select(entry => new PathString("/" + entry.Name)).ToArray();
        app.UseWhen(context => folders.Any(folder => context.Request.Path.StartsWithSegments(folder)), branch => branch.UseStaticFiles());
        app.MapControllers();
        return app;
    }
}

namespace Iiif.Web.Http;

/// <summary>MVC with views, once, however many features ask for it; controllers may be internal.</summary>
internal static class MvcSetup
{
    public static IServiceCollection AddIiifMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews().ConfigureApplicationPartManager(manager =>
        {
            if (!manager.FeatureProviders.OfType<InternalControllerFeatureProvider>().Any())
            {
                manager.FeatureProviders.Add(new InternalControllerFeatureProvider());
            }
        });
        return services;
    }
}

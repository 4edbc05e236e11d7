using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iiif.Web.Warming;

/// <summary>Registers cache warming (the admin endpoint and the <c>iiif warm</c> command use the same service).</summary>
internal static class WarmingExtensions
{
    public static IServiceCollection AddIiifWarming(this IServiceCollection services)
    {
        services.TryAddSingleton<CacheWarmer>();
        services.TryAddSingleton<WarmEnabledFilter>();
        return services;
    }
}

using Iiif.Caching.Derivatives;
using Iiif.Caching.Info;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Caching;

/// <summary>Registers the caches: <see cref="IInfoCache"/>, <see cref="IDerivativeCache"/>, <see cref="IDerivativeCleaner"/>,
/// and, when <see cref="CachingOptions.RedisConfiguration"/> is set, the shared Redis tier behind both.</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>Adds the caching services as singletons; the host configures <see cref="CachingOptions"/>.</summary>
    public static IServiceCollection AddIiifCaching(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CachingOptions>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}

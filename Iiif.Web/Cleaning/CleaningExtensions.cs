using Iiif.Caching;
using Iiif.Caching.Derivatives;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Cleaning;

/// <summary>Registers the background cache cleaner (cache.clean.period).</summary>
internal static class CleaningExtensions
{
    public static IServiceCollection AddIiifCleaning(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // GetService: a host without a file cache registers no cleaner, and then the service logs that and stops.
        services.AddHostedService(sp => new CacheCleaningService(
            sp.GetService<IDerivativeCleaner>(),
            sp.GetRequiredService<IOptions<CachingOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CacheCleaningService>>()));
        return services;
    }
}

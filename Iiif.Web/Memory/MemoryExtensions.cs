using Iiif.Imaging.Memory;
using Iiif.Web.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iiif.Web.Memory;

/// <summary>Registers the memory housekeeping: the trimmer, told when the process is over budget, and its timer.</summary>
internal static class MemoryExtensions
{
    /// <summary>Resident memory above the budget by this much counts as pressure: the runtime, the code and the renders in
    /// flight need room beyond what the caches keep.</summary>
    public const long PressureHeadroomBytes = 384L * 1024 * 1024;

    public static IServiceCollection AddIiifMemory(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MemoryTrimmer(
            sp.GetRequiredService<ImageSharpPool>(),
            sp.GetRequiredService<RenderActivity>(),
            sp.GetRequiredService<TimeProvider>(),
            (sp.GetRequiredService<MemoryBudget>().TotalMegabytes * 1024L * 1024) + PressureHeadroomBytes));
        services.AddHostedService<MemoryTrimmingService>();
        return services;
    }
}

using Iiif.Caching;
using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Sources.Remote;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Iiif.Web;

/// <summary>Service registration of the web host.</summary>
internal static class ServiceCollectionExtensions
{
    /// <summary>Room for "GET " and " HTTP/1.1" around the URL in Kestrel's request-line limit.</summary>
    private const int RequestLineOverhead = 16;

    /// <summary>Kestrel's own default grace before the minimum response rate applies.</summary>
    private static readonly TimeSpan MinDataRateGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Binds every configuration section to its options classes (<see cref="ConfigurationSections"/>). Each is
    /// validated when the host starts, by its data annotations (messages naming the key) and its validator, so a bad
    /// value stops start-up. The caches' sizes and ImageSharp's pool are then drawn from the memory budget.</summary>
    public static IServiceCollection AddIiifOptions(this IServiceCollection services)
    {
        services.TryAddSingleton<OptionsNormalizer>();
        services.AddSingleton<IPostConfigureOptions<ServerOptions>>(sp => sp.GetRequiredService<OptionsNormalizer>());
        services.AddSingleton<IPostConfigureOptions<FileSystemSourceOptions>>(sp => sp.GetRequiredService<OptionsNormalizer>());
        services.AddSingleton<IPostConfigureOptions<CachingOptions>>(sp => sp.GetRequiredService<OptionsNormalizer>());
        services.AddSingleton<IPostConfigureOptions<LoggingOptions>>(sp => sp.GetRequiredService<OptionsNormalizer>());

        foreach (var section in ConfigurationSections.All)
        {
            section.Register(services);
        }

        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton<IValidateOptions<FileSystemSourceOptions>, FileSystemSourceOptionsValidator>();
        services.AddSingleton<IValidateOptions<SourceRulesOptions>, SourceRulesOptionsValidator>();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        services.AddSingleton<IValidateOptions<InfoOptions>, InfoOptionsValidator>();
        services.AddSingleton<IConfigureOptions<InfoOptions>, InfoOptionsSetup>();
        services.AddSingleton<IValidateOptions<CachingOptions>, CachingOptionsValidator>();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton<IValidateOptions<LoggingOptions>, LoggingOptionsValidator>();
        services.AddMemoryBudget();

        // A map of free names: read by its setup rather than bound to fixed properties.
        services.AddOptions<ProfilesOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ProfilesOptions>, ProfilesOptionsSetup>();
        services.AddSingleton<IValidateOptions<ProfilesOptions>, ProfilesOptionsValidator>();
        return services;
    }

    /// <summary>HTTP plumbing that depends on configuration: allowed hosts, trusted proxies and Kestrel's limits.</summary>
    public static IServiceCollection AddIiifHttp(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ServerOptions>>((forwarded, server) => ForwardedHeadersSetup.Apply(forwarded, server.Value));
        // ASP.NET's host filtering (already in the pipeline, before everything else): only server.allowedHosts, if set.
        services.AddOptions<HostFilteringOptions>()
            .Configure<IOptions<ServerOptions>>((hosts, server) =>
            {
                if (server.Value.AllowedHosts.Count > 0)
                {
                    hosts.AllowedHosts = [.. server.Value.AllowedHosts.Select(h => h.Trim())];
                }
            });
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ServerOptions>>((kestrel, server) =>
            {
                kestrel.Limits.MaxRequestLineSize = server.Value.MaxUrlLength + RequestLineOverhead;
                // Slow readers: a floor under the response rate for every response; image bodies also get a timeout per
                // slice (ResponseBodyWriter), since Kestrel measures its rate over a whole write.
                kestrel.Limits.MinResponseDataRate = server.Value.MinResponseBytesPerSecond > 0
                    ? new MinDataRate(server.Value.MinResponseBytesPerSecond, MinDataRateGracePeriod)
                    : null;
            });
        services.TryAddSingleton<ResponseBodyWriter>();
        return services;
    }

    /// <summary>The budget, and the post-configuration that fills each cache's size from it (after the normaliser and
    /// the binding, so a size set by its own key is seen as set).</summary>
    private static void AddMemoryBudget(this IServiceCollection services)
    {
        services.TryAddSingleton<MemoryBudgetSetup>();
        services.TryAddSingleton(sp => sp.GetRequiredService<MemoryBudgetSetup>().Budget);
        services.AddSingleton<IPostConfigureOptions<CachingOptions>>(sp => sp.GetRequiredService<MemoryBudgetSetup>());
        services.AddSingleton<IPostConfigureOptions<ImageSharpSourceDecoderOptions>>(sp => sp.GetRequiredService<MemoryBudgetSetup>());
        services.AddSingleton<IPostConfigureOptions<DecodedBlockCacheOptions>>(sp => sp.GetRequiredService<MemoryBudgetSetup>());
        services.AddSingleton<IPostConfigureOptions<ImageSharpOptions>>(sp => sp.GetRequiredService<MemoryBudgetSetup>());
        services.AddSingleton<IPostConfigureOptions<SourceRulesOptions>>(sp => sp.GetRequiredService<MemoryBudgetSetup>());
        services.AddSingleton<IValidateOptions<MemoryOptions>>(sp => sp.GetRequiredService<MemoryBudgetSetup>());
    }
}

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

    /// <summary>Binds every configuration section to its options class. Each is validated when the host starts, by
    /// its data annotations (messages naming the key) and its validator, so a bad value stops start-up.</summary>
    public static IServiceCollection AddIiifOptions(this IServiceCollection services)
    {
        services.TryAddSingleton<OptionsNormalizer>();
        services.AddSingleton<IPostConfigureOptions<ServerOptions>>(sp => sp.GetRequiredService<OptionsNormalizer>());
        services.AddSingleton<IPostConfigureOptions<ImagesOptions>>(sp => sp.GetRequiredService<OptionsNormalizer>());
        services.AddSingleton<IPostConfigureOptions<CacheOptions>>(sp => sp.GetRequiredService<OptionsNormalizer>());
        services.AddSingleton<IPostConfigureOptions<LoggingOptions>>(sp => sp.GetRequiredService<OptionsNormalizer>());

        services.AddSection<ServerOptions, ServerOptionsValidator>(ServerOptions.SectionName);
        services.AddSection<ImagesOptions, ImagesOptionsValidator>(ImagesOptions.SectionName);
        services.AddSection<ImagingOptions, ImagingOptionsValidator>(ImagingOptions.SectionName);
        services.AddSection<LimitsOptions, LimitsOptionsValidator>(LimitsOptions.SectionName);
        services.AddSection<InfoOptions, InfoOptionsValidator>(InfoOptions.SectionName);
        services.AddSingleton<IConfigureOptions<InfoOptions>, InfoOptionsSetup>();
        services.AddSection<CacheOptions, CacheOptionsValidator>(CacheOptions.SectionName);
        services.AddSection<ViewerOptions>(ViewerOptions.SectionName);
        services.AddSection<MetricsOptions, MetricsOptionsValidator>(MetricsOptions.SectionName);
        services.AddSection<AdminOptions, AdminOptionsValidator>(AdminOptions.SectionName);
        services.AddSection<LoggingOptions, LoggingOptionsValidator>(LoggingOptions.SectionName);
        services.AddSection<AuthOptions, AuthOptionsValidator>(AuthOptions.SectionName);

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

    private static OptionsBuilder<TOptions> AddSection<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(sectionName));
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }

    private static void AddSection<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSection<TOptions>(sectionName);
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}

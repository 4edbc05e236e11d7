using Iiif.Core.Diagnostics;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Memory;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Sources.Remote;
using Iiif.Imaging.Tiff;
using Iiif.Imaging.Transforms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace Iiif.Imaging;

/// <summary>Registers the imaging layer: one ImageSharp <see cref="Configuration"/>, the filesystem source, the
/// decoders (JPEG 2000, TIFF, JPEG through TurboJPEG, then ImageSharp's formats) with their shared caches, the selector,
/// the transform, the encoder catalog and the <see cref="IImageRenderer"/>.</summary>
public static class ImagingServiceCollectionExtensions
{
    /// <summary>Adds the imaging services as singletons. Their options (<see cref="ImageSharpOptions"/>,
    /// <see cref="FileSystemSourceOptions"/>, <see cref="ImageSharpSourceDecoderOptions"/>,
    /// <see cref="DecodedBlockCacheOptions"/>, <see cref="TiffSourceDecoderOptions"/>, <see cref="TransformOptions"/>,
    /// <see cref="EncodingOptions"/>) are registered with their defaults; the host configures them from its own settings
    /// (e.g. with <c>services.Configure&lt;T&gt;</c>). jp2 output comes from OpenJPEG's encoder; a host may register its
    /// own <see cref="IJp2OutputEncoder"/> first to replace it. The decoded-block cache, the header-facts cache, the TIFF
    /// stored-tile indexes and the ImageSharp decoder's image cache are also registered as <see cref="ICacheStatisticsSource"/>s.</summary>
    public static IServiceCollection AddIiifImaging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ImageSharpOptions>();
        services.AddOptions<FileSystemSourceOptions>();
        services.AddOptions<ImageSharpSourceDecoderOptions>();
        services.AddOptions<DecodedBlockCacheOptions>();
        services.AddOptions<TiffSourceDecoderOptions>();
        services.AddOptions<TransformOptions>();
        services.AddOptions<EncodingOptions>();

        // One configuration for the whole server: each one owns a memory pool.
        services.TryAddSingleton(sp => ImageSharpConfigurationFactory.Create(sp.GetRequiredService<IOptions<ImageSharpOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ImageSharpPool>();
        services.TryAddSingleton<RenderActivity>();
        services.TryAddSingleton<FileSystemImageSource>();
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<FileSystemImageSource>());
        services.AddIiifSourceRules();

        // One block cache and one facts cache for every tiled decoder: one budget, one statistic.
        services.TryAddSingleton<DecodedBlockCache>();
        services.TryAddSingleton<SourceFactsCache>();
        services.TryAddSingleton<TiffTileIndexCache>();
        services.TryAddSingleton<ImageSharpSourceDecoder>();
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<DecodedBlockCache>());
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<SourceFactsCache>());
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<TiffTileIndexCache>());
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<ImageSharpSourceDecoder>());

        // Registration order is the selector's order: JPEG goes to TurboJPEG before ImageSharp could claim it. The
        // TurboJPEG decoder hands ImageSharp what it cannot decode (CMYK, 12-bit) and shares its decoded-image budget.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IImageDecoder, Jpeg2000SourceDecoder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IImageDecoder, TiffSourceDecoder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IImageDecoder, TurboJpegSourceDecoder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IImageDecoder, ImageSharpSourceDecoder>(
            sp => sp.GetRequiredService<ImageSharpSourceDecoder>()));
        services.TryAddSingleton<DecoderSelector>();
        services.TryAddSingleton<PlanApplier>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJp2OutputEncoder, Jp2OutputEncoder>());
        services.TryAddSingleton<IEncoderCatalog, EncoderCatalog>();
        services.TryAddSingleton<IImageRenderer, ImageRenderer>();
        return services;
    }

    /// <summary>The pooled HTTP clients of the <c>http</c> source rules (see <see cref="SourceRulesOptions"/>): a host
    /// reads its rules at start-up and registers them here, since each rule's pool and retries are set up once.</summary>
    public static IServiceCollection AddIiifHttpSourceClients(this IServiceCollection services, IEnumerable<SourceRuleOptions> rules)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(rules);
        SourceRulesFactory.AddHttpClients(services, rules);
        return services;
    }

    // The source rules, the byte-range cache of remote sources and the source the server reads: the image folder alone
    // without rules, else the rules in order with the folder last.
    private static void AddIiifSourceRules(this IServiceCollection services)
    {
        services.AddOptions<SourceRulesOptions>();
        services.AddHttpClient();
        services.TryAddSingleton<RemoteSourceCounters>();
        services.TryAddSingleton<ReadPlanCache>();
        services.TryAddSingleton<RemoteReadPreparer>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SourceRulesOptions>>().Value.RangeCache;
            return new RangeCache(options.BlockKilobytes * 1024, (options.MemoryMegabytes ?? DefaultRangeCacheMegabytes) * 1024L * 1024L);
        });
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<RangeCache>());
        services.TryAddSingleton<IImageSource>(SourceRulesFactory.Create);
    }

    /// <summary>The range cache's size when no host draws it from a memory budget.</summary>
    private const int DefaultRangeCacheMegabytes = 64;
}

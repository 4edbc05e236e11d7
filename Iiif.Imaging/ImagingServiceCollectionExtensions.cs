using Iiif.Core.Diagnostics;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Memory;
using Iiif.Imaging.Sources;
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
        services.TryAddSingleton<IImageSource>(sp => sp.GetRequiredService<FileSystemImageSource>());
        services.AddSingleton<ICacheStatisticsSource>(sp => sp.GetRequiredService<FileSystemImageSource>());

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
}

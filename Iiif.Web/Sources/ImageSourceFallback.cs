using Iiif.Imaging.Sources;
using Iiif.Web.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Sources;

/// <summary>Registers the filesystem image source from the <c>images</c> section when nothing else has registered an
/// <see cref="IImageSource"/>. The viewer index and the health checks need a source; the IIIF pipeline's own
/// registration, when present, wins because this one only TryAdds.</summary>
internal static class ImageSourceFallback
{
    public static IServiceCollection TryAddFileSystemImageSource(this IServiceCollection services)
    {
        services.TryAddSingleton<IImageSource>(sp =>
            new FileSystemImageSource(Options.Create(ToSourceOptions(sp.GetRequiredService<IOptionsMonitor<ImagesOptions>>().CurrentValue))));
        return services;
    }

    internal static FileSystemSourceOptions ToSourceOptions(ImagesOptions images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return new FileSystemSourceOptions
        {
            Root = images.Root,
            Resolver = images.Resolver switch
            {
                "nested" => FileSystemResolverScheme.Nested,
                "pairtree" => FileSystemResolverScheme.Pairtree,
                _ => FileSystemResolverScheme.Simple,
            },
            NestedDepth = images.NestedDepth,
            Extensions = images.Extensions.ToList(),
        };
    }
}

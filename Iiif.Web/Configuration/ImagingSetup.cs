using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Transforms;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Registers the imaging layer and feeds it from the YAML sections: <c>images</c> becomes
/// <see cref="FileSystemSourceOptions"/>, <c>imaging</c> becomes <see cref="EncodingOptions"/>,
/// <see cref="TransformOptions"/>, the ImageSharp decoder's memory budget and the JPEG 2000 block cache.</summary>
internal static class ImagingSetup
{
    private static readonly Dictionary<string, ResizeResampler> ResamplerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bicubic"] = ResizeResampler.Bicubic,
        ["lanczos3"] = ResizeResampler.Lanczos3,
        ["triangle"] = ResizeResampler.Triangle,
        ["box"] = ResizeResampler.Box,
        ["mitchellNetravali"] = ResizeResampler.MitchellNetravali,
        ["nearestNeighbor"] = ResizeResampler.NearestNeighbor,
    };

    private static readonly Dictionary<string, FileSystemResolverScheme> ResolverNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["simple"] = FileSystemResolverScheme.Simple,
        ["nested"] = FileSystemResolverScheme.Nested,
        ["pairtree"] = FileSystemResolverScheme.Pairtree,
    };

    public static IServiceCollection AddIiifImagingFromConfiguration(this IServiceCollection services)
    {
        services.AddIiifImaging();
        services.AddOptions<FileSystemSourceOptions>().Configure<IOptions<ImagesOptions>>((target, images) => Map(target, images.Value));
        services.AddOptions<EncodingOptions>().Configure<IOptions<ImagingOptions>>((target, imaging) =>
        {
            target.JpegQuality = imaging.Value.JpegQuality;
            target.PngCompressionLevel = imaging.Value.PngCompressionLevel;
            target.WebpQuality = imaging.Value.WebpQuality;
        });
        services.AddOptions<TransformOptions>().Configure<IOptions<ImagingOptions>>((target, imaging) =>
            target.Resampler = ResamplerFor(imaging.Value.Resampler));
        services.AddOptions<ImageSharpSourceDecoderOptions>().Configure<IOptions<ImagingOptions>>((target, imaging) =>
        {
            if (imaging.Value.MemoryBudgetMegabytes > 0)
            {
                target.MemoryBudgetMegabytes = imaging.Value.MemoryBudgetMegabytes;
            }
        });
        services.AddOptions<Jpeg2000SourceDecoderOptions>().Configure<IOptions<ImagingOptions>>((target, imaging) =>
            target.BlockCacheMegabytes = imaging.Value.BlockCacheMegabytes);
        return services;
    }

    /// <summary>The transform's resampler for a configured name; the validator has already refused any other name.</summary>
    internal static ResizeResampler ResamplerFor(string name) =>
        ResamplerNames.TryGetValue(name, out var resampler) ? resampler : ResizeResampler.Bicubic;

    /// <summary>True for every name <see cref="ImagingOptions.Resamplers"/> lists (a test keeps the two lists equal).</summary>
    internal static bool IsMapped(string name) => ResamplerNames.ContainsKey(name);

    private static void Map(FileSystemSourceOptions target, ImagesOptions images)
    {
        target.Root = images.Root;
        target.Resolver = ResolverNames.TryGetValue(images.Resolver, out var scheme) ? scheme : FileSystemResolverScheme.Simple;
        target.NestedDepth = images.NestedDepth;
        target.FollowSymlinksOutsideRoot = images.FollowSymlinksOutsideRoot;
        target.Extensions.Clear();
        foreach (var extension in images.Extensions)
        {
            target.Extensions.Add(extension);
        }
    }
}

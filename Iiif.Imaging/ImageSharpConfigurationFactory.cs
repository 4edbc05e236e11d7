using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace Iiif.Imaging;

/// <summary>Builds the one ImageSharp <see cref="Configuration"/> the server uses for decoding, transforming and
/// encoding. Call once (register the result as a singleton): each call creates a new memory pool.</summary>
internal static class ImageSharpConfigurationFactory
{
    /// <summary>A configuration with every built-in format and a memory allocator honouring <paramref name="options"/>.</summary>
    public static Configuration Create(ImageSharpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var allocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            AllocationLimitMegabytes = options.AllocationLimitMegabytes,
            MaximumPoolSizeMegabytes = options.MaximumPoolSizeMegabytes,
        });

        // A clone carries every built-in format module but is ours alone: Configuration.Default itself is never changed.
        var configuration = Configuration.Default.Clone();
        configuration.MemoryAllocator = allocator;
        if (options.MaxDegreeOfParallelism is { } parallelism)
        {
            configuration.MaxDegreeOfParallelism = parallelism;
        }

        return configuration;
    }
}

using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace Iiif.Tests.Imaging.Tiff;

/// <summary>TIFF decoders over fresh caches, as AddIiifImaging wires them.</summary>
internal static class TiffDecoders
{
    /// <summary>An allocator that pools nothing, so memory measurements see only what the decoder itself keeps.</summary>
    public static readonly Configuration Unpooled = new() { MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = 0 }) };

    public static TiffSourceDecoder Create(long blockCacheBytes = 64L * 1024 * 1024, Configuration? configuration = null) =>
        new(configuration ?? Configuration.Default, new DecodedBlockCache(blockCacheBytes), new SourceFactsCache(), new TiffTileIndexCache(), Options.Create(new TiffSourceDecoderOptions()));
}

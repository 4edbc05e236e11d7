using Iiif.Imaging.Decoding;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Tiff;

/// <summary>TIFF decoders over fresh caches, as AddIiifImaging wires them.</summary>
internal static class TiffDecoders
{
    public static TiffSourceDecoder Create(long blockCacheBytes = 64L * 1024 * 1024) =>
        new(Configuration.Default, new DecodedBlockCache(blockCacheBytes), new SourceFactsCache());
}

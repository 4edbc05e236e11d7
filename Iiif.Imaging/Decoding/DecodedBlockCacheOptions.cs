using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Decoding;

/// <summary>Settings of the decoded-block cache shared by the tiled decoders (JPEG 2000 and TIFF).</summary>
/// <remarks>Separate from the ImageSharp sources' budget (<see cref="ImageSharpSourceDecoderOptions.MemoryBudgetMegabytes"/>):
/// that budget also caps the largest such source accepted, and sharing it would let cheap-to-redecode tiles push out
/// whole images that are expensive to decode again.</remarks>
public sealed class DecodedBlockCacheOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Imaging:BlockCache";

    /// <summary>Megabytes of decoded JPEG 2000 and TIFF tiles kept for reuse, so the neighbouring IIIF tiles a viewer asks
    /// for inside one source tile are cut from a single decode. A tile is cached only when it needs at most a quarter of
    /// the budget; larger ones are decoded for each request. 0 turns the cache off. Default 256.</summary>
    [Range(0, 65_536)]
    public int BlockCacheMegabytes { get; set; } = 256;
}

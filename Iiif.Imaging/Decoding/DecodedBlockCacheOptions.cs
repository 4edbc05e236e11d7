using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Decoding;

/// <summary>Settings of the decoded-block cache shared by the tiled decoders (JPEG 2000 and TIFF).</summary>
/// <remarks>Separate from the ImageSharp sources' budget (<see cref="ImageSharpSourceDecoderOptions.MemoryBudgetMegabytes"/>):
/// that budget also caps the largest such source accepted, and sharing it would let cheap-to-redecode tiles push out
/// whole images that are expensive to decode again.</remarks>
public sealed class DecodedBlockCacheOptions
{
    /// <summary>Used when nobody sets <see cref="BlockCacheMegabytes"/>; a host drawing every cache from one memory budget
    /// sets it to that budget's share.</summary>
    public const int DefaultBlockCacheMegabytes = 256;

    /// <summary>Megabytes of decoded JPEG 2000 and TIFF tiles kept for reuse, so the neighbouring IIIF tiles a viewer asks
    /// for inside one source tile are cut from a single decode. A tile is cached only when it needs at most a quarter of
    /// the budget; larger ones are decoded for each request. 0 turns the cache off; null =
    /// <see cref="DefaultBlockCacheMegabytes"/>.</summary>
    [Range(0, 65_536, ErrorMessage = "must be between {1} and {2} megabytes; 0 turns the cache off, empty takes its share of memory.budgetMegabytes")]
    public int? BlockCacheMegabytes { get; set; }

    /// <summary><see cref="BlockCacheMegabytes"/> in bytes; 0 = off.</summary>
    public long BlockCacheBytes => (BlockCacheMegabytes ?? DefaultBlockCacheMegabytes) * 1024L * 1024;
}

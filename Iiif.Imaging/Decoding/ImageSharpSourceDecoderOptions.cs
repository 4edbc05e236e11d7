using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Decoding;

/// <summary>Settings of the decoder for JPEG, PNG, GIF, WebP and BMP sources, which ImageSharp decodes whole.</summary>
/// <remarks>The budget counts decoded pixels in the working type chosen from the header: 1 byte per pixel for grey
/// (L8), 2 for grey with alpha (La16), 3 for colour (Rgb24), 4 for colour with alpha (Rgba32). So 256 MB holds one
/// colour JPEG or opaque TIFF of up to about 89 million pixels (e.g. 10 900 x 8 200), a PNG, GIF, WebP or BMP that may
/// carry alpha of about 67 million (8 192 x 8 192), or a grey PNG or JPEG of about 268 million. Decoders need
/// working memory on top (a progressive JPEG keeps its coefficients, about 2 bytes per sample, while decoding), and the
/// ImageSharp allocation limit still applies. Larger sources belong in tiled JPEG 2000. The JPEG decoder
/// (<see cref="TurboJpegSourceDecoder"/>) shares this budget and counts each JPEG at the DCT scale it decoded it at; a
/// baseline JPEG too large for that is decoded in bands instead of refused.</remarks>
public sealed class ImageSharpSourceDecoderOptions
{
    /// <summary>Used when nobody sets <see cref="MemoryBudgetMegabytes"/>; a host drawing every cache from one memory
    /// budget sets it to that budget's share.</summary>
    public const int DefaultMemoryBudgetMegabytes = 256;

    /// <summary>Megabytes of decoded full images kept for reuse (tiles of one source are cut from one decode), and the
    /// largest single source accepted: one needing more is refused with <see cref="SourceTooLargeException"/> before
    /// decoding. Null or 0 = <see cref="DefaultMemoryBudgetMegabytes"/>.</summary>
    [Range(0, 1_048_576, ErrorMessage = "must be between {1} and {2} megabytes; 0 or empty takes its share of memory.budgetMegabytes")]
    public int? MemoryBudgetMegabytes { get; set; }

    /// <summary><see cref="MemoryBudgetMegabytes"/> in bytes.</summary>
    public long MemoryBudgetBytes => (MemoryBudgetMegabytes is > 0 and var megabytes ? megabytes : DefaultMemoryBudgetMegabytes) * 1024L * 1024;
}

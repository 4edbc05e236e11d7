using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Decoding;

/// <summary>Settings of the decoder for JPEG, PNG, GIF, WebP and BMP sources, which ImageSharp decodes whole.</summary>
/// <remarks>The budget counts decoded pixels in the working type chosen from the header: 1 byte per pixel for grey
/// (L8), 2 for grey with alpha (La16), 3 for colour (Rgb24), 4 for colour with alpha (Rgba32). So 1024 MB holds one
/// colour JPEG or opaque TIFF of up to about 357 million pixels (e.g. 18 900 x 18 900), a PNG, GIF, WebP or BMP that may
/// carry alpha of about 268 million (16 384 x 16 384), or a grey PNG or JPEG of about 1 070 million. Decoders need
/// working memory on top (a progressive JPEG keeps its coefficients, about 2 bytes per sample, while decoding), and the
/// ImageSharp allocation limit still applies. Larger sources belong in tiled JPEG 2000.</remarks>
public sealed class ImageSharpSourceDecoderOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Imaging:ImageSharpSources";

    /// <summary>Megabytes of decoded full images kept for reuse (tiles of one source are cut from one decode), and the
    /// largest single source accepted: one needing more is refused with <see cref="SourceTooLargeException"/> before
    /// decoding. Default 1024.</summary>
    [Range(1, 1_048_576)]
    public int MemoryBudgetMegabytes { get; set; } = 1024;
}

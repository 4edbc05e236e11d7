using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Encoding;

/// <summary>Settings of the output encoders (https://iiif.io/api/image/3.0/#45-format). jpg is written by TurboJPEG, the
/// others by ImageSharp 2.1.13; what that cannot do is left out rather than faked: its TiffEncoder has no alpha, so tif
/// output is opaque.</summary>
public sealed class EncodingOptions
{
    /// <summary>JPEG quality, 1-100. Default 80, the old server's (sharp's) default: deep-zoom tiles are seen briefly and
    /// at screen scale, and against 85 it saves a fifth of every tile's bytes for 0.9 dB PSNR (docs/decisions.md).
    /// Chroma is subsampled 4:2:0 up to quality 90 and kept whole (4:4:4) above; gray images are written as one-channel
    /// JPEG.</summary>
    [Range(1, 100, ErrorMessage = "must be between {1} and {2}")]
    public int JpegQuality { get; set; } = 80;

    /// <summary>Writes progressive JPEG (a coarse whole image first, refined by later scans) instead of baseline. Default
    /// false: progressive tiles came out about 9% smaller but took about 5 times as long to encode (optimised Huffman
    /// tables need a second pass), and deep-zoom tiles are small enough to arrive whole anyway.</summary>
    public bool JpegProgressive { get; set; }

    /// <summary>PNG deflate level, 0 (stored) to 9 (smallest). Default 3: tiles are rendered on demand, and past level 3
    /// each level costs much more time than it saves bytes.</summary>
    [Range(0, 9, ErrorMessage = "must be between {1} and {2}")]
    public int PngCompressionLevel { get; set; } = 3;

    /// <summary>WebP quality, 0-100, for lossy output. Default 80.</summary>
    [Range(0, 100, ErrorMessage = "must be between {1} and {2}")]
    public int WebpQuality { get; set; } = 80;

    /// <summary>Writes lossless WebP instead of lossy (<see cref="WebpQuality"/> then only trades time for size).
    /// Default false.</summary>
    public bool WebpLossless { get; set; }

    /// <summary>Resolution assumed for PDF output: the page measures the image's pixels at this many dots per inch.
    /// Default 72, so one pixel is one PDF point. A page that would exceed the PDF page limit of 200 inches on a side
    /// is given a higher resolution instead.</summary>
    [Range(1, 9600, ErrorMessage = "must be between {1} and {2} dots per inch")]
    public int PdfDpi { get; set; } = 72;

    /// <summary>JPEG quality, 1-100, of the image embedded in PDF output. Default 85. The image is embedded as JPEG
    /// (PDF's DCTDecode filter passes it through unchanged), which keeps a PDF close to the size of the jpg.</summary>
    [Range(1, 100, ErrorMessage = "must be between {1} and {2}")]
    public int PdfJpegQuality { get; set; } = 85;
}

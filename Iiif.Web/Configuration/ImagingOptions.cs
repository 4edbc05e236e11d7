using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary>The <c>imaging</c> section: encoder settings and the render concurrency and memory caps.</summary>
internal sealed class ImagingOptions
{
    public const string SectionName = "imaging";

    /// <summary>The resampler names <see cref="Resampler"/> accepts: exactly those the transform step implements
    /// (Iiif.Imaging's ResizeResampler; the mapping lives in ImagingSetup).</summary>
    public static readonly IReadOnlyList<string> Resamplers =
        ["bicubic", "lanczos3", "triangle", "box", "mitchellNetravali", "nearestNeighbor"];

    [Range(64, 4096, ErrorMessage = "must be between {1} and {2} pixels")]
    public int TileSize { get; set; } = 512;

    [Range(1, 100, ErrorMessage = "must be between {1} and {2}")]
    public int JpegQuality { get; set; } = 85;

    [Range(0, 9, ErrorMessage = "must be between {1} and {2}")]
    public int PngCompressionLevel { get; set; } = 3;

    [Range(1, 100, ErrorMessage = "must be between {1} and {2}")]
    public int WebpQuality { get; set; } = 80;

    /// <summary>One of <see cref="Resamplers"/> (compared without regard to case).</summary>
    public string Resampler { get; set; } = "bicubic";

    /// <summary>Renders at once; 0 = one per core (see <see cref="EffectiveMaxConcurrentRenders"/>).</summary>
    [Range(0, 1024, ErrorMessage = "must be between {1} and {2}; 0 means one per processor core")]
    public int MaxConcurrentRenders { get; set; }

    /// <summary>Seconds to wait for a render slot before answering 503; 0 = answer 503 at once when every slot is busy.</summary>
    [Range(0, 3600, ErrorMessage = "must be between {1} and {2} seconds")]
    public int QueueTimeout { get; set; } = 30;

    /// <summary>Seconds in the Retry-After header of that 503.</summary>
    [Range(1, 3600, ErrorMessage = "must be between {1} and {2} seconds")]
    public int RetryAfter { get; set; } = 5;

    /// <summary>Megabytes of decoded JPEG, PNG, GIF, WebP and BMP sources kept for reuse, which is also the largest such
    /// source accepted; 0 = the decoder's default (1024).</summary>
    [Range(0, 1_048_576, ErrorMessage = "must be between {1} and {2} megabytes; 0 means the library's default")]
    public int MemoryBudgetMegabytes { get; set; } = 1024;

    /// <summary>Megabytes of decoded JPEG 2000 and TIFF tiles kept so neighbouring IIIF tiles inside one source tile are
    /// cut from one decode; 0 = off.</summary>
    [Range(0, 65_536, ErrorMessage = "must be between {1} and {2} megabytes; 0 turns the cache off")]
    public int BlockCacheMegabytes { get; set; } = 256;

    /// <summary>Answer a jpg request that is exactly one stored JPEG tile of a TIFF pyramid with the stored bytes.</summary>
    public bool StoredTilePassthrough { get; set; } = true;

    public int EffectiveMaxConcurrentRenders => MaxConcurrentRenders > 0 ? MaxConcurrentRenders : Environment.ProcessorCount;
}

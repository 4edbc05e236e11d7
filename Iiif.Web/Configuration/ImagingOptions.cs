using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary>The host's own keys of the <c>imaging</c> section: the tile size it advertises and how many renders it runs
/// at once. The section's encoder, transform, decoder and ImageSharp keys bind directly to Iiif.Imaging's options
/// (see <see cref="ConfigurationSections"/>).</summary>
internal sealed class ImagingOptions
{
    public const string SectionName = ConfigurationSections.Imaging;

    [Range(64, 4096, ErrorMessage = "must be between {1} and {2} pixels")]
    public int TileSize { get; set; } = 512;

    /// <summary>Renders at once; 0 = one per core (see <see cref="EffectiveMaxConcurrentRenders"/>).</summary>
    [Range(0, 1024, ErrorMessage = "must be between {1} and {2}; 0 means one per processor core")]
    public int MaxConcurrentRenders { get; set; }

    /// <summary>Admission bound in seconds: a render that finds every slot busy is queued while the wait it can expect
    /// (renders queued ahead x recent render time / slots) stays within this, else answered 503 at once; 0 = no queue.</summary>
    [Range(0.0, 3600.0, ErrorMessage = "must be between {1} and {2} seconds")]
    public double MaxQueueWait { get; set; } = 2;

    /// <summary>Seconds a queued render waits at most for a slot before answering 503 (when the expected wait was
    /// wrong); 0 = answer 503 at once when every slot is busy.</summary>
    [Range(0, 3600, ErrorMessage = "must be between {1} and {2} seconds")]
    public int QueueTimeout { get; set; } = 30;

    /// <summary>Seconds in the Retry-After header of that 503.</summary>
    [Range(1, 3600, ErrorMessage = "must be between {1} and {2} seconds")]
    public int RetryAfter { get; set; } = 5;

    public int EffectiveMaxConcurrentRenders => MaxConcurrentRenders > 0 ? MaxConcurrentRenders : Environment.ProcessorCount;
}

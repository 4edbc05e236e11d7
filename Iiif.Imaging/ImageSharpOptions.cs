using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging;

/// <summary>How the server's private ImageSharp <c>Configuration</c> is built (house style §7: never
/// <c>Configuration.Default</c>, so a limit set here cannot leak into or be changed by other code in the process).</summary>
public sealed class ImageSharpOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Imaging:ImageSharp";

    /// <summary>The largest single allocation ImageSharp may make, in megabytes; an image needing more fails with
    /// <c>InvalidMemoryOperationException</c> instead of exhausting the process. Null keeps ImageSharp's own default.</summary>
    [Range(1, int.MaxValue)]
    public int? AllocationLimitMegabytes { get; set; }

    /// <summary>How many megabytes of pixel buffers ImageSharp keeps pooled between requests. Null keeps ImageSharp's
    /// default (a share of the physical memory).</summary>
    [Range(0, int.MaxValue)]
    public int? MaximumPoolSizeMegabytes { get; set; }

    /// <summary>Threads one image operation may use. Null keeps ImageSharp's default (the processor count); 1 suits
    /// servers whose concurrency comes from parallel requests rather than parallel pixels.</summary>
    [Range(1, 1024)]
    public int? MaxDegreeOfParallelism { get; set; }
}

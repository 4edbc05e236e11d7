using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging;

/// <summary>How the server's private ImageSharp <c>Configuration</c> is built. Never <c>Configuration.Default</c>, so a
/// limit set here cannot leak into or be changed by other code in the process.</summary>
public sealed class ImageSharpOptions
{
    /// <summary>The largest single image buffer ImageSharp may allocate, in megabytes; an image needing more fails with
    /// <c>InvalidMemoryOperationException</c> instead of exhausting the process. Null keeps ImageSharp's own default (4 GB).</summary>
    [Range(1, 1_048_576, ErrorMessage = "must be between {1} and {2} megabytes, or empty for the memory budget")]
    public int? AllocationLimitMegabytes { get; set; }

    /// <summary>How many megabytes of pixel buffers ImageSharp keeps pooled between renders (the pool is trimmed when the
    /// server is idle). 0 = no pool. Null keeps ImageSharp's default (an eighth of the physical memory).</summary>
    [Range(0, 1_048_576, ErrorMessage = "must be between {1} and {2} megabytes, or empty for a share of the memory budget")]
    public int? MaximumPoolSizeMegabytes { get; set; }

    /// <summary>Threads one image operation may use. Default 1: the server already runs one render per core, so
    /// parallel pixels would only contend with parallel requests. Null keeps ImageSharp's default (the processor count).</summary>
    [Range(1, 1024, ErrorMessage = "must be between {1} and {2} threads, or empty for one per processor core")]
    public int? MaxDegreeOfParallelism { get; set; } = 1;
}

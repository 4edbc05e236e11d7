using System.ComponentModel.DataAnnotations;

namespace Iiif.Web.Configuration;

/// <summary>The <c>memory</c> section: the one memory budget every cache and buffer pool of the server is drawn from
/// (see <see cref="MemoryBudget"/>).</summary>
internal sealed class MemoryOptions
{
    public const string SectionName = "memory";

    /// <summary>Megabytes the caches and ImageSharp's buffer pool may keep between requests, all together.</summary>
    [Range(64, 1_048_576, ErrorMessage = "must be between {1} and {2} megabytes")]
    public int BudgetMegabytes { get; set; } = 768;
}

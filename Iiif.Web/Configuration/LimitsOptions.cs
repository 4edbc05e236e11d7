using System.ComponentModel.DataAnnotations;
using Iiif.Core.Planning;

namespace Iiif.Web.Configuration;

/// <summary>The <c>limits</c> section: output size limits and upscaling (digest §2.2: 3.0 sizeUpscaling, 2.1 sizeAboveFull).</summary>
internal sealed class LimitsOptions
{
    public const string SectionName = "limits";

    [Range(0, int.MaxValue, ErrorMessage = "must be a positive integer, or 0 for no limit")]
    public int MaxWidth { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "must be a positive integer, or 0 to equal limits.maxWidth")]
    public int MaxHeight { get; set; }

    [Range(0, long.MaxValue, ErrorMessage = "must be a positive integer, or 0 for no limit")]
    public long MaxArea { get; set; }

    public bool Upscaling { get; set; }

    /// <summary>With upscaling, the largest output side as a multiple of the region's side; 0 = no factor limit.</summary>
    [Range(typeof(decimal), "0", "1000", ErrorMessage = "must be 0 (no factor limit) or a number from 1 to 1000")]
    public decimal UpscaleFactor { get; set; } = 2;

    /// <summary>The plain values Core plans with; zeros become "no limit".</summary>
    public ServerLimits ToServerLimits() => new(
        MaxWidth > 0 ? MaxWidth : null,
        MaxHeight > 0 ? MaxHeight : null,
        MaxArea > 0 ? MaxArea : null,
        Upscaling,
        Upscaling && UpscaleFactor > 0 ? UpscaleFactor : null);
}

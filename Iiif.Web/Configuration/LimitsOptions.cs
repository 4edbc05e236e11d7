using System.ComponentModel.DataAnnotations;
using Iiif.Core.Planning;

namespace Iiif.Web.Configuration;

/// <summary>The <c>limits</c> section: output size limits (https://iiif.io/api/image/3.0/#52-technical-properties),
/// upscaling (3.0 sizeUpscaling, 2.1 sizeAboveFull) and the largest encoded output. The defaults are safe to deploy as
/// they are: README.md explains each value.</summary>
internal sealed class LimitsOptions
{
    public const string SectionName = "limits";

    /// <summary>The largest side WebP can encode, so that every allowed size can be written in every format.</summary>
    public const int DefaultMaxWidth = 16383;

    /// <summary>50 million pixels: the largest render, at three bytes a pixel and a decode of up to four times the
    /// output's pixels, stays within the default memory budget (README.md).</summary>
    public const long DefaultMaxArea = 50_000_000;

    [Range(0, int.MaxValue, ErrorMessage = "must be a positive integer, or 0 for no limit")]
    public int MaxWidth { get; set; } = DefaultMaxWidth;

    [Range(0, int.MaxValue, ErrorMessage = "must be a positive integer, or 0 to equal limits.maxWidth")]
    public int MaxHeight { get; set; }

    [Range(0, long.MaxValue, ErrorMessage = "must be a positive integer, or 0 for no limit")]
    public long MaxArea { get; set; } = DefaultMaxArea;

    public bool Upscaling { get; set; } = true;

    /// <summary>With upscaling, the largest output side of an explicit <c>^</c> size as a multiple of the region's side;
    /// 0 = no factor limit. <c>^max</c> follows the max* limits only.</summary>
    [Range(typeof(decimal), "0", "1000", ErrorMessage = "must be 0 (no factor limit) or a number from 1 to 1000")]
    public decimal UpscaleFactor { get; set; } = 2;

    /// <summary>The largest encoded image, in megabytes, as estimated before decoding; 0 = no cap.</summary>
    [Range(0, 1_048_576, ErrorMessage = "must be between {1} and {2} megabytes, or 0 for no cap")]
    public int MaxOutputMegabytes { get; set; } = 64;

    /// <summary>The plain values Core plans with; zeros become "no limit".</summary>
    public ServerLimits ToServerLimits() => new(
        MaxWidth > 0 ? MaxWidth : null,
        MaxHeight > 0 ? MaxHeight : null,
        MaxArea > 0 ? MaxArea : null,
        Upscaling,
        Upscaling && UpscaleFactor > 0 ? UpscaleFactor : null)
    {
        MaxOutputBytes = MaxOutputMegabytes > 0 ? MaxOutputMegabytes * 1024L * 1024 : null,
    };
}

using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Transforms;

/// <summary>Settings of the steps that follow decoding: size, rotation and quality
/// (https://iiif.io/api/image/3.0/#4-image-requests).</summary>
public sealed class TransformOptions
{
    /// <summary>The interpolation for resizing and arbitrary rotation. Default <see cref="ResizeResampler.Bicubic"/>.</summary>
    public ResizeResampler Resampler { get; set; } = ResizeResampler.Bicubic;

    /// <summary>The luminance, as a fraction of white, at and above which a <c>bitonal</c> pixel becomes white; below it
    /// the pixel becomes black. Default 0.5. No dithering: a fixed threshold keeps tiles seamless, since an error-diffusion
    /// dither would differ along the edges of neighbouring tiles.</summary>
    [Range(0.0, 1.0, ErrorMessage = "must be between {1} and {2}")]
    public double BitonalThreshold { get; set; } = 0.5;
}

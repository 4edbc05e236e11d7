using System.ComponentModel.DataAnnotations;

namespace Iiif.Imaging.Transforms;

/// <summary>Settings of the steps that follow decoding: size, rotation and quality (digest §2.2-2.4).</summary>
public sealed class TransformOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Imaging:Transforms";

    /// <summary>The interpolation for resizing and arbitrary rotation. Default <see cref="ResizeResampler.Bicubic"/>.</summary>
    public ResizeResampler Resampler { get; set; } = ResizeResampler.Bicubic;

    /// <summary>The luminance, as a fraction of white, at and above which a <c>bitonal</c> pixel becomes white; below it
    /// the pixel becomes black. Default 0.5. No dithering: a fixed threshold keeps tiles seamless, since an error-diffusion
    /// dither would differ along the edges of neighbouring tiles.</summary>
    [Range(0.0, 1.0)]
    public double BitonalThreshold { get; set; } = 0.5;
}

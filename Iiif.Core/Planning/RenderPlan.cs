using Iiif.Core.Geometry;
using Iiif.Core.Requests;

namespace Iiif.Core.Planning;

/// <summary>What to do to serve one image request, decided before any pixel is read.</summary>
/// <param name="Request">The parsed request this plan serves.</param>
/// <param name="SourceRegion">The region to decode, in full-resolution pixels, clipped to the image.</param>
/// <param name="Reduction">The deepest resolution reduction whose scale still covers the output.</param>
/// <param name="DecodedSize">The size of <paramref name="SourceRegion"/> once decoded at <paramref name="Reduction"/>.</param>
/// <param name="ScaledSize">The size after the size step (before rotation). Never 0 on either side.</param>
/// <param name="Mirror">Mirror left-right before rotating.</param>
/// <param name="Degrees">Clockwise rotation in degrees, in [0, 360).</param>
/// <param name="OutputSize">The final size after rotation: the tight bounding box of the rotated image (https://iiif.io/api/image/3.0/#43-rotation).</param>
/// <param name="Quality">The quality to convert to.</param>
/// <param name="Format">The format to encode.</param>
/// <param name="IsFullRegion">True when the region covers the whole image (canonical <c>full</c>).</param>
/// <param name="MaxSize">The size <c>max</c> would give for this region under the limits (canonical <c>max</c>/<c>full</c>).</param>
public sealed record RenderPlan(
    ImageRequest Request,
    PixelRect SourceRegion,
    ReductionFactor Reduction,
    PixelSize DecodedSize,
    PixelSize ScaledSize,
    bool Mirror,
    decimal Degrees,
    PixelSize OutputSize,
    ImageQuality Quality,
    ImageFormat Format,
    bool IsFullRegion,
    PixelSize MaxSize)
{
    /// <summary>The size 3.0 <c>^max</c> would give for this region under the limits and upscaling policy (canonical
    /// <c>^max</c>). Equals <see cref="MaxSize"/> when <c>^max</c> would not upscale or is not served; default (0x0) when
    /// the plan was not made by <c>RenderPlanner</c>.</summary>
    public PixelSize UpscaledMaxSize { get; init; }

    /// <summary>True when the scaled size differs from the decoded size, so a resample is still needed.</summary>
    public bool NeedsResize => ScaledSize != DecodedSize;

    /// <summary>True when the scaled size is larger than the region on either side.</summary>
    public bool IsUpscaled => ScaledSize.Width > SourceRegion.Width || ScaledSize.Height > SourceRegion.Height;
}

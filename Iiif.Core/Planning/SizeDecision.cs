using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The outcome of the size step: the size to scale to, plus the two maxima the canonical form compares it with.</summary>
/// <param name="Scaled">The size after the size step. Never 0 on either side.</param>
/// <param name="Max">What <c>max</c> gives for the region under the limits.</param>
/// <param name="UpscaledMax">What 3.0 <c>^max</c> gives, or <paramref name="Max"/> when <c>^max</c> would not upscale or is not served.</param>
internal readonly record struct SizeDecision(PixelSize Scaled, PixelSize Max, PixelSize UpscaledMax);

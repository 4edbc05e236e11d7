using Iiif.Core.Geometry;

namespace Iiif.Core.Info;

/// <summary>Facts about one source image, read from its header: what info.json and the planner are built from.</summary>
/// <param name="Width">Full-resolution width in pixels.</param>
/// <param name="Height">Full-resolution height in pixels.</param>
/// <param name="ResolutionLevels">Number of resolution levels the source can decode cheaply (JPEG 2000: decomposition levels + 1;
/// 1 for sources without a pyramid).</param>
/// <param name="NativeTileSize">The source's own tile size when it is tiled (JPEG 2000 tiles smaller than the image), else null.</param>
/// <param name="IsGrayscale">True when the source has no colour (one colour component), so <c>color</c> adds nothing.</param>
public sealed record ImageInfo(int Width, int Height, int ResolutionLevels, PixelSize? NativeTileSize, bool IsGrayscale)
{
    /// <summary>The full image as a rectangle.</summary>
    public PixelRect Bounds => new(0, 0, Width, Height);
}

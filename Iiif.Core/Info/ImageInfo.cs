using Iiif.Core.Geometry;

namespace Iiif.Core.Info;

/// <summary>Facts about one source image, read from its header: what info.json and the planner are built from.</summary>
/// <param name="Width">Full-resolution width in pixels.</param>
/// <param name="Height">Full-resolution height in pixels.</param>
/// <param name="ResolutionLevels">Number of resolution levels the source can decode cheaply (JPEG 2000: decomposition levels + 1;
/// a TIFF pyramid: its levels; 1 for sources without a pyramid).</param>
/// <param name="NativeTileSize">The source's own tile size when it is tiled (JPEG 2000 or TIFF tiles smaller than the image), else null.</param>
/// <param name="IsGrayscale">True when the source has no colour (one colour component), so <c>color</c> adds nothing.</param>
public sealed record ImageInfo(int Width, int Height, int ResolutionLevels, PixelSize? NativeTileSize, bool IsGrayscale)
{
    /// <summary>The full image as a rectangle.</summary>
    public PixelRect Bounds => new(0, 0, Width, Height);

    /// <summary>The full image's size at each reduction 0 to <see cref="ResolutionLevels"/> - 1, when the source stores
    /// levels whose sizes need not follow JPEG 2000's rounding up (vips halves TIFF pyramids rounding down: 7500 px
    /// become 937 at 1/8, not 938). Null when every level is <c>ReductionFactor.ReducedSize</c> of the full image.</summary>
    public IReadOnlyList<PixelSize>? LevelSizes { get; init; }

    /// <summary>The size of <paramref name="region"/>'s pixels once decoded at <paramref name="reduction"/>: JPEG 2000
    /// rounding (<see cref="ReductionFactor.ReducedSize(PixelRect)"/>), clipped to the level's real size when
    /// <see cref="LevelSizes"/> knows it.</summary>
    public PixelSize ReducedSize(PixelRect region, ReductionFactor reduction) =>
        LevelSizes is { } levels && reduction.Level > 0 && reduction.Level < levels.Count
            ? reduction.ReducedSize(region, levels[reduction.Level])
            : reduction.ReducedSize(region);

    /// <inheritdoc/>
    public bool Equals(ImageInfo? other) =>
        other is not null && Width == other.Width && Height == other.Height && ResolutionLevels == other.ResolutionLevels
        && NativeTileSize == other.NativeTileSize && IsGrayscale == other.IsGrayscale
        && (LevelSizes ?? []).SequenceEqual(other.LevelSizes ?? []);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Width, Height, ResolutionLevels, NativeTileSize, IsGrayscale, LevelSizes?.Count ?? 0);
}

using Iiif.Core.Geometry;
using Iiif.Core.Planning;

namespace Iiif.Core.Info;

/// <summary>The tile size, scale factors and <c>sizes</c> list info.json advertises (https://iiif.io/api/image/2.1/#52-technical-properties, https://iiif.io/api/image/3.0/#52-technical-properties, https://iiif.io/api/image/3.0/implementation/#3-tile-region-parameter-calculation).</summary>
/// <remarks>
/// Decisions:
/// <list type="bullet">
/// <item>Tile size: the source's native tile (JPEG 2000 tiles, width and height may differ), else the configured default.
/// A tile larger than the limits is halved until it fits (https://iiif.io/api/image/3.0/#42-size: advertised tiles MUST be within the limits): the
/// side over maxWidth or maxHeight, or both sides when only maxArea is exceeded. Halving rather than clamping keeps every
/// advertised tile inside one native tile, so a tile request decodes one code-stream tile, not two or four.</item>
/// <item>A tile larger than the image is kept: tile regions are clipped to the image (https://iiif.io/api/image/3.0/implementation/#3-tile-region-parameter-calculation), so the single tile at scale 1 is
/// simply the whole image.</item>
/// <item>Levels: the source's resolution levels, extended until one tile covers the whole image, so sources without a
/// pyramid (plain JPEG, PNG, TIFF) still give viewers zoomed-out levels instead of only full-resolution tiles. Every scale
/// factor's tile requests work because level 2 can scale any region (sizeByW, sizeByWh).</item>
/// <item>Sizes: one per level, the source's own level sizes where it has them (a TIFF pyramid), else JPEG 2000 ceil
/// rounding (ISO 15444-1 B.5), only those within the limits; when none fits,
/// the size <c>max</c> gives, so viewers always have a thumbnail. Through <see cref="Layout"/> some level always fits: at
/// the top level one tile covers the image, so that level's size is no larger than the tile, which fits the limits.</item>
/// </list>
/// </remarks>
public static class TileCalculator
{
    // Scale factors are ints: 2^30 is the largest power of two that fits.
    private const int MaxLevelCount = 31;

    /// <summary>Tile size, scale factors and sizes for one image.</summary>
    public static PyramidLayout Layout(ImageInfo info, ServerLimits limits, int defaultTileSize)
    {
        var tile = TileSize(info, limits, defaultTileSize);
        var levels = LevelCount(info, tile);
        return new PyramidLayout(tile, ScaleFactors(levels), Sizes(info, limits, levels));
    }

    /// <summary>The tile size to advertise: the native tile or <paramref name="defaultTileSize"/> square, halved until it
    /// is within the limits.</summary>
    public static PixelSize TileSize(ImageInfo info, ServerLimits limits, int defaultTileSize)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(defaultTileSize);
        var tile = info.NativeTileSize ?? new PixelSize(defaultTileSize, defaultTileSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tile.Width, nameof(info));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tile.Height, nameof(info));
        var (w, h) = (tile.Width, tile.Height);
        while (!limits.Allows(new PixelSize(w, h)) && (w > 1 || h > 1))
        {
            if (limits.MaxWidth is int maxWidth && w > maxWidth)
            {
                w = Half(w);
            }
            else if (limits.EffectiveMaxHeight is int maxHeight && h > maxHeight)
            {
                h = Half(h);
            }
            else
            {
                // Only the area is over: halve both sides to keep the tile's shape.
                (w, h) = (Half(w), Half(h));
            }
        }

        return new PixelSize(w, h);
    }

    /// <summary>The number of levels to advertise: the source's resolution levels (at least 1), raised until a single
    /// <paramref name="tileSize"/> tile at the top scale factor covers the image.</summary>
    public static int LevelCount(ImageInfo info, PixelSize tileSize)
    {
        ArgumentNullException.ThrowIfNull(info);
        var levels = Math.Clamp(info.ResolutionLevels, 1, MaxLevelCount);
        while (levels < MaxLevelCount && !CoversImage(info, tileSize, levels - 1))
        {
            levels++;
        }

        return levels;
    }

    /// <summary>Scale factors 1, 2, 4, ..., 2^(levelCount-1).</summary>
    public static IReadOnlyList<int> ScaleFactors(int levelCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(levelCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levelCount, MaxLevelCount);
        return [.. Enumerable.Range(0, levelCount).Select(r => 1 << r)];
    }

    /// <summary>The <c>sizes</c> list: the full image at each level r (<see cref="ImageInfo.ReducedSize"/>: the stored
    /// level's size, else ceil(w/2^r) x ceil(h/2^r)), smallest first, without
    /// duplicates, keeping only sizes within the limits; the <c>max</c> size alone when none is.</summary>
    public static IReadOnlyList<PixelSize> Sizes(ImageInfo info, ServerLimits limits, int levelCount)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(levelCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levelCount, MaxLevelCount);
        var sizes = new List<PixelSize>();
        for (var r = levelCount - 1; r >= 0; r--)
        {
            var size = info.ReducedSize(info.Bounds, new ReductionFactor(r));
            if (limits.Allows(size) && (sizes.Count == 0 || sizes[^1] != size))
            {
                sizes.Add(size);
            }
        }

        if (sizes.Count == 0)
        {
            sizes.Add(limits.MaxSize(info.Bounds.Size));
        }

        return sizes;
    }

    private static bool CoversImage(ImageInfo info, PixelSize tileSize, int level) =>
        ((long)tileSize.Width << level) >= info.Width && ((long)tileSize.Height << level) >= info.Height;

    private static int Half(int side) => Math.Max(1, side / 2);
}

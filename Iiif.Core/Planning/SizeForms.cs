using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The sizes <c>w,</c>, <c>,h</c>, <c>pct:n</c> and <c>w,h</c> ask for, before any check (https://iiif.io/api/image/3.0/#42-size). A missing
/// or non-positive input gives a 0 side, which the 0 px rule then refuses.</summary>
internal static class SizeForms
{
    /// <summary><c>w,</c>: the height follows the region's aspect ratio, rounded to nearest.</summary>
    public static LongSize ByWidth(int? width, PixelSize region)
    {
        long w = width ?? 0;
        return new LongSize(w, w < 1 ? 0 : SizeMath.HeightForWidth(w, region));
    }

    /// <summary><c>,h</c>: the width follows the region's aspect ratio, rounded to nearest.</summary>
    public static LongSize ByHeight(int? height, PixelSize region)
    {
        long h = height ?? 0;
        return new LongSize(h < 1 ? 0 : SizeMath.WidthForHeight(h, region), h);
    }

    /// <summary><c>pct:n</c>: each side is n % of the region's side, rounded to nearest on its own.</summary>
    public static LongSize ByPercent(decimal percent, PixelSize region) =>
        new(SizeMath.PercentOf(region.Width, percent), SizeMath.PercentOf(region.Height, percent));

    /// <summary><c>w,h</c>: exactly as given.</summary>
    public static LongSize Exact(int? width, int? height) => new(width ?? 0, height ?? 0);
}

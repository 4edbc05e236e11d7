using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The largest aspect-preserving size of a region inside a box and an optional area: the one algorithm behind
/// <c>!w,h</c>, <c>max</c> and <c>^max</c> (https://iiif.io/api/image/2.1/#42-size, https://iiif.io/api/image/3.0/#42-size, https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation).</summary>
internal static class AspectFit
{
    /// <summary>Fits <paramref name="region"/>'s aspect ratio inside boxWidth x boxHeight (both at least 1) and, when given,
    /// <paramref name="maxArea"/>. The side whose box edge binds gets exactly that edge and the other follows from the
    /// aspect ratio rounded to nearest, as <c>w,</c> and <c>,h</c> do, so a fit is always reproducible by one of them.
    /// With <paramref name="atLeastOnePixel"/> a side that rounds to 0 becomes 1 (for <c>max</c>, which must never fail);
    /// without it a 0 side is returned for the caller to refuse.</summary>
    public static LongSize Fit(PixelSize region, long boxWidth, long boxHeight, long? maxArea, bool atLeastOnePixel)
    {
        var fitted = FitBox(region, boxWidth, boxHeight, atLeastOnePixel);
        if (maxArea is { } area && fitted.Area > area)
        {
            fitted = ShrinkToArea(region, fitted, boxWidth, boxHeight, area, atLeastOnePixel);
        }

        return fitted;
    }

    private static LongSize FitBox(PixelSize region, long boxWidth, long boxHeight, bool atLeastOnePixel)
    {
        // Width binds when boxWidth / region.Width <= boxHeight / region.Height (compared exactly, cross-multiplied).
        var widthBinds = (Int128)boxWidth * region.Height <= (Int128)boxHeight * region.Width;
        var width = widthBinds ? boxWidth : SizeMath.WidthForHeight(boxHeight, region);
        var height = widthBinds ? SizeMath.HeightForWidth(boxWidth, region) : boxHeight;
        return atLeastOnePixel ? new LongSize(Math.Max(1, width), Math.Max(1, height)) : new LongSize(width, height);
    }

    // https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation step 1 scales by sqrt(maxArea / area) and rounds down. We drive by the region's longer side (finer steps)
    // and take that estimate plus one as an upper bound, then binary-search the largest driving side whose rounded sizes
    // really meet every bound. Fitting is monotone in the driving side, so the search is exact, floating-point error can cost
    // at most the one pixel of headroom, and extreme aspect ratios (where the short side rounds up or is held at 1 px) cannot
    // turn into a long walk.
    private static LongSize ShrinkToArea(PixelSize region, LongSize fitted, long boxWidth, long boxHeight, long area, bool atLeastOnePixel)
    {
        var widthDrives = region.Width >= region.Height;
        long drivingSide = widthDrives ? region.Width : region.Height;
        long otherSide = widthDrives ? region.Height : region.Width;
        var drivingBound = widthDrives ? boxWidth : boxHeight;
        var otherBound = widthDrives ? boxHeight : boxWidth;

        var scale = Math.Sqrt(area / ((double)region.Width * region.Height));
        var high = Math.Min(widthDrives ? fitted.Width : fitted.Height, (long)Math.Floor(drivingSide * scale) + 1);
        var low = 1L;
        high = Math.Max(low, high);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (Fits(middle))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return widthDrives ? new LongSize(low, Other(low)) : new LongSize(Other(low), low);

        bool Fits(long driving)
        {
            var other = Other(driving);
            return driving <= drivingBound && other <= otherBound && (Int128)driving * other <= area;
        }

        long Other(long driving)
        {
            var value = SizeMath.ScaleRounded(driving, otherSide, drivingSide);
            return atLeastOnePixel ? Math.Max(1, value) : value;
        }
    }
}

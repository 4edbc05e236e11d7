using Iiif.Core.Errors;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Requests;

namespace Iiif.Core.Planning;

/// <summary>The region step (https://iiif.io/api/image/3.0/#41-region): turns a region parameter into a full-resolution rectangle clipped to the image.</summary>
internal static class RegionResolver
{
    private const string Parameter = "region";

    /// <summary>The clipped region, or a 400 when it is empty, outside the image, or not made of valid numbers.</summary>
    public static Result<PixelRect> Resolve(RegionParameter region, ImageInfo info) => region.Kind switch
    {
        RegionKind.Full => info.Bounds,
        RegionKind.Square => Square(info, slack => slack / 2),
        RegionKind.SquareStart => Square(info, _ => 0),
        RegionKind.SquareEnd => Square(info, slack => slack),
        RegionKind.Pixels => Pixels(region, info),
        RegionKind.Percent => Percent(region, info),
        _ => Bad("unknown region form"),
    };

    // https://iiif.io/api/image/3.0/#41-region: the side is the shorter dimension; the position along the longer one is ours: centred (offset rounded
    // down), or at the start or end for the old server's !square and square!.
    private static PixelRect Square(ImageInfo info, Func<int, int> offsetFromSlack)
    {
        var side = Math.Min(info.Width, info.Height);
        var offset = offsetFromSlack(Math.Abs(info.Width - info.Height));
        return info.Width >= info.Height ? new PixelRect(offset, 0, side, side) : new PixelRect(0, offset, side, side);
    }

    private static Result<PixelRect> Pixels(RegionParameter region, ImageInfo info)
    {
        if (!IsWhole(region.X) || !IsWhole(region.Y) || !IsWhole(region.Width) || !IsWhole(region.Height))
        {
            return Bad("pixel regions must be non-negative integers");
        }

        if (EmptyOrOutside(region, info.Width, info.Height) is { } error)
        {
            return error;
        }

        // Clip at the right and bottom edges (https://iiif.io/api/image/3.0/#41-region). x < Width, so x + min(w, Width) cannot overflow.
        var right = Math.Min(region.X + Math.Min(region.Width, info.Width), info.Width);
        var bottom = Math.Min(region.Y + Math.Min(region.Height, info.Height), info.Height);
        return new PixelRect((int)region.X, (int)region.Y, (int)(right - region.X), (int)(bottom - region.Y));
    }

    // Percentages are of the reported width and height (https://iiif.io/api/image/3.0/#41-region). Rounding is ours: each EDGE (left, right, top, bottom)
    // is rounded to the nearest pixel, halves away from zero. Shared edges of neighbouring pct regions land on the same pixel
    // (no gap, no overlap), pct:0,0,100,100 is exactly full, and a region thinner than half a pixel rounds to 0 px (400).
    private static Result<PixelRect> Percent(RegionParameter region, ImageInfo info)
    {
        if (region.X < 0 || region.Y < 0 || region.Width < 0 || region.Height < 0)
        {
            return Bad("percentages must not be negative");
        }

        if (EmptyOrOutside(region, 100, 100) is { } error)
        {
            return error;
        }

        var left = Edge(region.X, info.Width);
        var top = Edge(region.Y, info.Height);
        var right = Edge(Math.Min(region.X + Math.Min(region.Width, 100), 100), info.Width);
        var bottom = Edge(Math.Min(region.Y + Math.Min(region.Height, 100), 100), info.Height);
        if (right <= left || bottom <= top)
        {
            return Bad("the region is less than one pixel wide or high");
        }

        return new PixelRect(left, top, right - left, bottom - top);
    }

    // https://iiif.io/api/image/3.0/#41-region: a region with zero width or height, or entirely outside the image, is a 400.
    private static IiifError? EmptyOrOutside(RegionParameter region, decimal width, decimal height)
    {
        if (region.Width == 0 || region.Height == 0)
        {
            return Bad("the region has zero width or height");
        }

        if (region.X >= width || region.Y >= height)
        {
            return Bad("the region lies entirely outside the image");
        }

        return null;
    }

    private static int Edge(decimal percent, int side) =>
        (int)decimal.Round(percent * side / 100m, 0, MidpointRounding.AwayFromZero);

    private static bool IsWhole(decimal value) => value >= 0 && decimal.Truncate(value) == value;

    private static IiifError Bad(string message) => IiifError.BadRequest(Parameter, message);
}

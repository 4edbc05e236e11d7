using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>A size in 64-bit pixels: what the size rules compute before they know the result fits a <see cref="PixelSize"/>
/// (a request such as <c>2147483647,</c> on a tall region would overflow int).</summary>
internal readonly record struct LongSize(long Width, long Height)
{
    /// <summary>Width times height, without overflow.</summary>
    public Int128 Area => (Int128)Width * Height;

    /// <summary>True when either side is larger than the region's: the request upscales (https://iiif.io/api/image/3.0/#42-size).</summary>
    public bool IsLargerThan(PixelSize region) => Width > region.Width || Height > region.Height;

    /// <summary>The size as ints; callers check <see cref="SizeMath.MaxSide"/> first.</summary>
    public PixelSize ToPixelSize() => new(checked((int)Width), checked((int)Height));

    /// <summary>Widens a pixel size.</summary>
    public static LongSize From(PixelSize size) => new(size.Width, size.Height);
}

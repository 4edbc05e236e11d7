using Iiif.Core.Errors;
using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The rotation step's geometry (https://iiif.io/api/image/3.0/#43-rotation).</summary>
internal static class RotationGeometry
{
    private const string Parameter = "rotation";

    // Dividing by 1 with 28 decimal places drops trailing zeros from a decimal's scale: 90.0 becomes 90, 22.50 becomes 22.5.
    private const decimal ScaleNormaliser = 1.0000000000000000000000000000m;

    /// <summary>The clockwise angle in [0, 360): 360 is the same turn as 0. Values outside [0, 360] are a 400.</summary>
    public static Result<decimal> NormaliseDegrees(decimal degrees)
    {
        if (degrees < 0 || degrees > 360)
        {
            return IiifError.BadRequest(Parameter, "rotation must be between 0 and 360 degrees");
        }

        return degrees == 360 ? 0m : degrees / ScaleNormaliser;
    }

    /// <summary>The tight bounding box of <paramref name="size"/> turned by <paramref name="degrees"/> (in [0, 360)):
    /// W = |w cos| + |h sin|, H = |h cos| + |w sin|, rounded to nearest. Multiples of 90 are exact (no trigonometry), so
    /// floating-point error can never turn 90 degrees into an off-by-one.</summary>
    public static Result<PixelSize> BoundingBox(PixelSize size, decimal degrees)
    {
        if (degrees % 90 == 0)
        {
            var quarterTurns = (int)(degrees / 90);
            return quarterTurns % 2 == 0 ? size : new PixelSize(size.Height, size.Width);
        }

        var radians = (double)degrees * Math.PI / 180;
        var cos = Math.Abs(Math.Cos(radians));
        var sin = Math.Abs(Math.Sin(radians));
        var width = Math.Round((size.Width * cos) + (size.Height * sin), MidpointRounding.AwayFromZero);
        var height = Math.Round((size.Height * cos) + (size.Width * sin), MidpointRounding.AwayFromZero);
        if (width > SizeMath.MaxSide || height > SizeMath.MaxSide)
        {
            return IiifError.BadRequest(Parameter, "the rotated image would be larger than the server can represent");
        }

        return new PixelSize((int)width, (int)height);
    }
}

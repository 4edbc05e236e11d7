using System.Numerics;
using Iiif.Core.Geometry;

namespace Iiif.Imaging.Transforms;

/// <summary>The affine matrix for a clockwise rotation by any angle into a given bounding box.</summary>
internal static class ArbitraryRotation
{
    /// <summary>Rotates <paramref name="source"/> clockwise by <paramref name="degrees"/> about its centre and places that
    /// centre at the centre of <paramref name="target"/>, the tight bounding box the planner computed (https://iiif.io/api/image/3.0/#43-rotation).
    /// Building the matrix here, rather than calling ImageSharp's Rotate(float), keeps the output size the planner's
    /// exactly: ImageSharp rounds the bounding box its own way.</summary>
    public static Matrix3x2 CenteredMatrix(PixelSize source, PixelSize target, decimal degrees)
    {
        // Image y points down, so a positive angle turns clockwise on screen.
        var radians = (float)((double)degrees * Math.PI / 180.0);

        // ImageSharp samples at integer pixel indices, so the centre of a w-pixel row is at (w - 1) / 2.
        return Matrix3x2.CreateTranslation(-(source.Width - 1) / 2f, -(source.Height - 1) / 2f)
            * Matrix3x2.CreateRotation(radians)
            * Matrix3x2.CreateTranslation((target.Width - 1) / 2f, (target.Height - 1) / 2f);
    }
}

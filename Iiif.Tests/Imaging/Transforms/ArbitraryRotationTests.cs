using System.Numerics;
using Iiif.Core.Geometry;
using Iiif.Imaging.Transforms;

namespace Iiif.Tests.Imaging.Transforms;

[TestFixture]
public class ArbitraryRotationTests
{
    [Test]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: the rotated content is centred in the bounding box.")]
    public void CenteredMatrix_AnyAngle_MapsCentreToCentre()
    {
        var matrix = ArbitraryRotation.CenteredMatrix(new PixelSize(31, 21), new PixelSize(37, 33), 33.3m);

        var centre = Vector2.Transform(new Vector2(15, 10), matrix);

        Assert.That(centre.X, Is.EqualTo(18).Within(1e-4));
        Assert.That(centre.Y, Is.EqualTo(16).Within(1e-4));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: positive angles turn clockwise: the top-left pixel of a 90-degree turn ends at the top right.")]
    public void CenteredMatrix_Ninety_TurnsClockwise()
    {
        var matrix = ArbitraryRotation.CenteredMatrix(new PixelSize(40, 20), new PixelSize(20, 40), 90m);

        var topLeft = Vector2.Transform(Vector2.Zero, matrix);

        Assert.That(topLeft.X, Is.EqualTo(19).Within(1e-4));
        Assert.That(topLeft.Y, Is.EqualTo(0).Within(1e-4));
    }
}

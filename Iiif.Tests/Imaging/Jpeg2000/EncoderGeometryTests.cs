using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;

namespace Iiif.Tests.Imaging.Jpeg2000;

[TestFixture]
public class EncoderGeometryTests
{
    [TestCase(100, 80, 1)]
    [TestCase(255, 255, 1)]
    [TestCase(256, 10, 2)]
    [TestCase(640, 480, 3)]
    [TestCase(8000, 6000, 6)]
    [TestCase(30000, 20000, 8)]
    [Description("Default levels: the fewest whose smallest level is under 256 pixels on its longer side")]
    public void DefaultResolutions_ImageSize_GivesTheFewestLevelsUnder256(int width, int height, int expected)
    {
        Assert.That(EncoderGeometry.DefaultResolutions(width, height), Is.EqualTo(expected));
    }

    [TestCase(1024, 1024, 11)]
    [TestCase(256, 256, 9)]
    [TestCase(300, 200, 8)]
    [TestCase(1, 1, 1)]
    public void MaxResolutionsFor_TileSize_AllowsTwoToTheLevelsMinusOneWithinATile(int tileWidth, int tileHeight, int expected)
    {
        Assert.That(EncoderGeometry.MaxResolutionsFor(tileWidth, tileHeight), Is.EqualTo(expected));
    }

    [Test]
    public void Constructor_DefaultLevelsAboveTheTileCap_AreCapped()
    {
        var geometry = new EncoderGeometry(0, 0, 40000, 40000, tileSize: 64, resolutions: null);

        Assert.That(geometry.Resolutions, Is.EqualTo(7));
    }

    [Test]
    public void Constructor_ExplicitLevelsAboveTheTileCap_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new EncoderGeometry(0, 0, 1000, 1000, tileSize: 64, resolutions: 8));
    }

    [Test]
    public void Tile_GridAnchoredAtTheOrigin_ClipsTheLastTiles()
    {
        var geometry = new EncoderGeometry(37, 21, 300, 200, tileSize: 128, resolutions: 2);

        Assert.Multiple(() =>
        {
            Assert.That((geometry.Columns, geometry.Rows), Is.EqualTo((3, 2)));
            Assert.That(geometry.Tile(0), Is.EqualTo(new PixelRect(37, 21, 128, 128)));
            Assert.That(geometry.Tile(5), Is.EqualTo(new PixelRect(37 + 256, 21 + 128, 44, 72)));
        });
    }

    [Test]
    [Description("ISO 15444-1 B.3: a tile-component spans [ceil(tx0/dx), ceil(tx1/dx)), here relative to the component's first sample")]
    public void ComponentRect_SubsampledComponentAtAnOddOrigin_RoundsBothEdgesUp()
    {
        var geometry = new EncoderGeometry(37, 21, 300, 200, tileSize: 128, resolutions: 2);

        // Tile 1 spans [165, 293) x [21, 149); halved: [83, 147) x [11, 75); the component starts at (19, 11).
        Assert.That(geometry.ComponentRect(geometry.Tile(1), 2, 2), Is.EqualTo(new PixelRect(64, 0, 64, 64)));
    }
}

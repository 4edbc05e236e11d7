using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>A large decode split into bands gives exactly the pixels of one decode, whatever the tiling, the origin, the
/// chroma subsampling and the reduction: small bands (1,000 output pixels) make the test files large enough.</summary>
[TestFixture]
public class Jpeg2000BandedDecodeTests
{
    private readonly Jpeg2000Reader _whole = new(Configuration.Default, long.MaxValue / 4);
    private readonly Jpeg2000Reader _banded = new(Configuration.Default, 1_000);

    [TestCase(TestImageFactory.RgbTiled, 0, 0, 640, 480, 0, Description = "bands follow the 256-pixel tile rows")]
    [TestCase(TestImageFactory.RgbTiled, 13, 7, 600, 450, 1)]
    [TestCase(TestImageFactory.RgbTiled, 0, 0, 640, 480, 2)]
    [TestCase(TestImageFactory.RgbOddTiled, 5, 3, 320, 210, 0, Description = "64-pixel tiles, several to a band")]
    [TestCase(TestImageFactory.RgbSingleTile, 0, 0, 300, 200, 0, Description = "one tile: bands inside it")]
    [TestCase(TestImageFactory.RgbSingleTile, 1, 1, 299, 199, 1)]
    [TestCase(TestImageFactory.Origin, 3, 5, 300, 230, 1, Description = "an origin off the grid")]
    [TestCase(TestImageFactory.Sycc420, 1, 1, 318, 237, 0, Description = "subsampled chroma")]
    [TestCase(TestImageFactory.Sycc420, 0, 1, 320, 239, 1)]
    [TestCase(TestImageFactory.Rgba, 0, 0, 320, 240, 0, Description = "alpha")]
    [TestCase(TestImageFactory.IccRgba, 0, 0, 320, 240, 0, Description = "the ICC profile is kept")]
    public void Decode_InBands_EqualsOneDecode(string name, int x, int y, int width, int height, int reduce)
    {
        var region = new PixelRect(x, y, width, height);

        using var whole = _whole.Decode(TestImageFactory.PathOf(name), region, reduce);
        using var banded = _banded.Decode(TestImageFactory.PathOf(name), region, reduce);

        Assert.Multiple(() =>
        {
            Assert.That(banded.GetType(), Is.EqualTo(whole.GetType()));
            Assert.That(PixelData.Of(banded).Samples, Is.EqualTo(PixelData.Of(whole).Samples));
            Assert.That(banded.Metadata.IccProfile?.ToByteArray(), Is.EqualTo(whole.Metadata.IccProfile?.ToByteArray()));
        });
    }

    [Test]
    [Description("On a tiled file the band edges fall on tile rows, so no tile is entered twice.")]
    public void Split_TiledFile_BandEdgesOnTileRows()
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.RgbOddTiled));
        var region = new PixelRect(0, 0, 333, 217);
        var area = DecodeArea.Compute(facts, region, 0);

        // 100 rows a band, rounded down to the 64-row tiles.
        var bands = DecodeBands.Split(facts, region, area, bandPixels: 333 * 100);

        Assert.That(bands, Is.EqualTo(new[]
        {
            new PixelRect(0, 0, 333, 64), new PixelRect(0, 64, 333, 64), new PixelRect(0, 128, 333, 64), new PixelRect(0, 192, 333, 25),
        }));
    }

    [Test]
    public void Split_SmallArea_OneBand()
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.RgbTiled));
        var region = new PixelRect(0, 0, 640, 480);

        Assert.That(DecodeBands.Split(facts, region, DecodeArea.Compute(facts, region, 0)), Is.EqualTo(new[] { region }));
    }
}

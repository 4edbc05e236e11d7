using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>Header-only facts of real files of every kind, and their mapping to the IIIF layer's ImageInfo.</summary>
[TestFixture]
public class Jpeg2000FactsTests
{
    [Test]
    public void ReadFacts_TiledLosslessRgb_ReportsGeometryLevelsTilesAndCoding()
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.RgbTiled));

        Assert.Multiple(() =>
        {
            Assert.That(facts.Container, Is.EqualTo(Jpeg2000Container.Jp2));
            Assert.That((facts.Width, facts.Height, facts.OriginX, facts.OriginY), Is.EqualTo((640, 480, 0, 0)));
            Assert.That(facts.Components, Is.EqualTo(Enumerable.Repeat(new Jpeg2000ComponentFacts(8, false, 1, 1), 3)));
            Assert.That(facts.ColorSpace, Is.EqualTo(Jpeg2000ColorSpace.SRgb));
            Assert.That(facts.HasIccProfile, Is.False);
            Assert.That(facts.ColorChannels, Is.EqualTo(3));
            Assert.That(facts.ResolutionLevels, Is.EqualTo(5));
            Assert.That((facts.TileWidth, facts.TileHeight, facts.TileColumns, facts.TileRows), Is.EqualTo((256, 256, 3, 2)));
            Assert.That(facts.QualityLayers, Is.EqualTo(1));
            Assert.That(facts.ProgressionOrder, Is.EqualTo(Jpeg2000ProgressionOrder.Rpcl));
            Assert.That(facts.IsReversible, Is.True);
        });
    }

    [Test]
    public void ReadFacts_LossyFile_ReportsLayersAndTheIrreversibleWavelet()
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.RgbLossy));

        Assert.Multiple(() =>
        {
            Assert.That(facts.QualityLayers, Is.EqualTo(3));
            Assert.That(facts.IsReversible, Is.False);
            Assert.That(facts.ResolutionLevels, Is.EqualTo(3), "default levels: 640 -> 320 -> 160, the first under 256");
        });
    }

    [TestCase(TestImageFactory.Sycc420, Jpeg2000ColorSpace.SYcc, 3)]
    [TestCase(TestImageFactory.Eycc420, Jpeg2000ColorSpace.EYcc, 3)]
    [TestCase(TestImageFactory.RawSycc420, Jpeg2000ColorSpace.Unspecified, 3)]
    [TestCase(TestImageFactory.Gray, Jpeg2000ColorSpace.Gray, 1)]
    [TestCase(TestImageFactory.GrayAlpha, Jpeg2000ColorSpace.Gray, 1)]
    [TestCase(TestImageFactory.Rgba, Jpeg2000ColorSpace.SRgb, 3)]
    [TestCase(TestImageFactory.IccRgba, Jpeg2000ColorSpace.Icc, 3)]
    [TestCase(TestImageFactory.RawJ2k, Jpeg2000ColorSpace.Unspecified, 3)]
    public void ReadFacts_ColourSpaces_AreReadFromTheHeader(string name, Jpeg2000ColorSpace expected, int colorChannels)
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(name));

        Assert.That((facts.ColorSpace, facts.ColorChannels), Is.EqualTo((expected, colorChannels)));
    }

    [Test]
    public void ReadFacts_Sycc420_ReportsSubsampledChroma()
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.Sycc420));

        Assert.That(facts.Components.Select(c => (c.Dx, c.Dy)), Is.EqualTo(new[] { (1, 1), (2, 2), (2, 2) }));
    }

    [TestCase(TestImageFactory.Signed12, 12, true)]
    [TestCase(TestImageFactory.Gray12, 12, false)]
    [TestCase(TestImageFactory.Gray16, 16, false)]
    [TestCase(TestImageFactory.Gray1, 1, false)]
    public void ReadFacts_Precision_IsReadPerComponent(string name, int precision, bool isSigned)
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(name));

        Assert.That(facts.Components, Is.EqualTo(new[] { new Jpeg2000ComponentFacts(precision, isSigned, 1, 1) }));
    }

    [Test]
    public void ReadFacts_ImageWithOrigin_ReportsTheOriginAndTheImageSize()
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.Origin));

        Assert.That((facts.OriginX, facts.OriginY, facts.Width, facts.Height),
            Is.EqualTo((TestImageFactory.OriginX, TestImageFactory.OriginY, 320, 240)));
    }

    [Test]
    public void ReadFacts_IccFile_ReportsTheProfileAndFourComponents()
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.IccRgba));

        Assert.That((facts.HasIccProfile, facts.Components.Count), Is.EqualTo((true, 4)));
    }

    [Test]
    public void ReadFacts_RawCodestream_ReportsTheContainer()
    {
        var facts = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.RawJ2k));

        Assert.That((facts.Container, facts.HasIccProfile), Is.EqualTo((Jpeg2000Container.J2k, false)));
    }

    [Test]
    public void ReadFacts_FromStream_EqualsFromPath()
    {
        var path = TestImageFactory.PathOf(TestImageFactory.Sycc420);
        var fromPath = Jpeg2000Reader.ReadFacts(path);
        using var stream = new MemoryStream(File.ReadAllBytes(path));

        var fromStream = Jpeg2000Reader.ReadFacts(stream);

        Assert.That(fromStream with { Components = fromPath.Components }, Is.EqualTo(fromPath));
        Assert.That(fromStream.Components, Is.EqualTo(fromPath.Components));
    }

    [Test]
    [Description("info.json tiles: a tiled source reports its native tile size")]
    public void ToImageInfo_TiledFile_ReportsTheTileSize()
    {
        var info = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.RgbTiled)).ToImageInfo();

        Assert.That(info, Is.EqualTo(new Iiif.Core.Info.ImageInfo(640, 480, 5, new PixelSize(256, 256), IsGrayscale: false)));
    }

    [Test]
    [Description("A single tile covering the image is no useful tiling hint")]
    public void ToImageInfo_SingleTileFile_ReportsNoTileSize()
    {
        var info = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(TestImageFactory.RgbSingleTile)).ToImageInfo();

        Assert.That(info.NativeTileSize, Is.Null);
    }

    [TestCase(TestImageFactory.Gray, true)]
    [TestCase(TestImageFactory.GrayAlpha, true)]
    [TestCase(TestImageFactory.Gray16, true)]
    [TestCase(TestImageFactory.Rgba, false)]
    [TestCase(TestImageFactory.RawSycc420, false)]
    [Description("Fewer than three colour channels is greyscale, whatever the alpha channel")]
    public void ToImageInfo_ColourChannels_DecideGreyscale(string name, bool grayscale)
    {
        var info = Jpeg2000Reader.ReadFacts(TestImageFactory.PathOf(name)).ToImageInfo();

        Assert.That(info.IsGrayscale, Is.EqualTo(grayscale));
    }
}

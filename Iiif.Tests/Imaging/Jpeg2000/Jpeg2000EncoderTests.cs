using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>What the encoder writes: layout options, markers, containers, progress, cancellation and input checks.
/// (Pixel round trips of every kind are covered by the reader tests, which decode files this encoder made.)</summary>
[TestFixture]
public class Jpeg2000EncoderTests
{
    private readonly Jpeg2000Reader _reader = new();

    [Test]
    public void Encode_Defaults_WriteIiifFriendlyLayout()
    {
        using var image = SyntheticImages.Rgb(1500, 1000);

        var (facts, _) = EncodeAndRead(image, new Jpeg2000EncoderOptions { TileSize = 512 });

        Assert.Multiple(() =>
        {
            Assert.That((facts.TileWidth, facts.TileHeight, facts.TileColumns, facts.TileRows), Is.EqualTo((512, 512, 3, 2)));
            Assert.That(facts.ResolutionLevels, Is.EqualTo(4), "1500 -> 750 -> 375 -> 188");
            Assert.That(facts.ProgressionOrder, Is.EqualTo(Jpeg2000ProgressionOrder.Rpcl));
            Assert.That((facts.IsReversible, facts.QualityLayers), Is.EqualTo((true, 1)));
            Assert.That(facts.Container, Is.EqualTo(Jpeg2000Container.Jp2));
        });
    }

    [Test]
    public void Encode_ExplicitOptions_AreWrittenAsGiven()
    {
        using var image = SyntheticImages.Rgb(300, 200);
        var options = new Jpeg2000EncoderOptions
        {
            TileSize = 64, Resolutions = 6, ProgressionOrder = Jpeg2000ProgressionOrder.Lrcp, Lossless = false, CompressionRatios = [50, 25, 12.5f, 5],
        };

        var (facts, _) = EncodeAndRead(image, options);

        Assert.Multiple(() =>
        {
            Assert.That((facts.TileColumns, facts.TileRows, facts.ResolutionLevels), Is.EqualTo((5, 4, 6)));
            Assert.That(facts.ProgressionOrder, Is.EqualTo(Jpeg2000ProgressionOrder.Lrcp));
            Assert.That((facts.IsReversible, facts.QualityLayers), Is.EqualTo((false, 4)));
        });
    }

    [Test]
    public void Encode_LosslessWithRatios_AddsAFinalLosslessLayer()
    {
        using var image = SyntheticImages.Rgb(200, 100);

        var (facts, bytes) = EncodeAndRead(image, new Jpeg2000EncoderOptions { CompressionRatios = [40, 10] });
        using var decoded = _reader.Decode(new MemoryStream(bytes), new PixelRect(0, 0, 200, 100), 0);

        Assert.That(facts.QualityLayers, Is.EqualTo(3));
        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(image).Samples));
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    [Description("PLT (packet lengths, tile-part headers) and TLM (tile-part lengths, main header) let a server seek to the data it needs")]
    public void Encode_LengthMarkerOptions_WriteOrOmitPltAndTlm(bool plt, bool tlm)
    {
        using var image = SyntheticImages.Rgb(300, 200);

        var (_, bytes) = EncodeAndRead(image, new Jpeg2000EncoderOptions { TileSize = 128, WritePacketLengths = plt, WriteTileLengths = tlm });
        var markers = CodestreamMarkers.Read(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(markers.MainHeader.Any(s => s.Marker == CodestreamMarkers.Tlm), Is.EqualTo(tlm));
            Assert.That(markers.FirstTilePartHeader.Any(s => s.Marker == CodestreamMarkers.Plt), Is.EqualTo(plt));
        });
    }

    [Test]
    [Description("ISO 15444-1 A.6.1 COD: user precincts flag and one PPx/PPy byte per level, lowest level first")]
    public void Encode_Precincts_Are256AtTheTopTwoLevelsAnd128Below()
    {
        using var image = SyntheticImages.Rgb(300, 200);

        var (_, bytes) = EncodeAndRead(image, new Jpeg2000EncoderOptions { Resolutions = 5 });
        var cod = CodestreamMarkers.Read(bytes).Main(CodestreamMarkers.Cod);

        Assert.Multiple(() =>
        {
            Assert.That(cod[0] & 0x01, Is.EqualTo(1), "Scod: precincts defined");
            Assert.That(cod[^5..], Is.EqualTo(new byte[] { 0x77, 0x77, 0x77, 0x88, 0x88 }));
        });
    }

    [Test]
    public void Encode_J2kContainer_WritesABareCodestream()
    {
        using var image = SyntheticImages.Gray(100, 50);

        var (facts, bytes) = EncodeAndRead(image, new Jpeg2000EncoderOptions { Container = Jpeg2000Container.J2k });

        Assert.That(bytes[..4], Is.EqualTo(new byte[] { 0xFF, 0x4F, 0xFF, 0x51 }));
        Assert.That(facts.Container, Is.EqualTo(Jpeg2000Container.J2k));
    }

    [Test]
    public void Encode_ImageWithIccProfile_EmbedsItUnlessTurnedOff()
    {
        using var image = SyntheticImages.Rgb(64, 64);
        image.Metadata.IccProfile = new IccProfile(SyntheticImages.TinyIccProfile());

        var (embedded, _) = EncodeAndRead(image, new Jpeg2000EncoderOptions());
        var (omitted, _) = EncodeAndRead(image, new Jpeg2000EncoderOptions { EmbedImageIccProfile = false });

        Assert.That((embedded.HasIccProfile, omitted.HasIccProfile), Is.EqualTo((true, false)));
    }

    [Test]
    public void Encode_IntoAStreamAfterAPrefix_WritesAFileReadableFromThere()
    {
        using var image = SyntheticImages.Rgba(90, 70);
        using var stream = new MemoryStream();
        stream.Write(new byte[333]);

        new Jpeg2000Encoder().Encode(image, stream);
        stream.Position = 333;
        using var decoded = _reader.Decode(stream, new PixelRect(0, 0, 90, 70), 0);

        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(PixelData.Of(image).Samples));
    }

    [Test]
    public void Encode_WithProgress_ReportsEveryTileInOrder()
    {
        using var image = SyntheticImages.Gray(300, 200);
        var reports = new List<Jpeg2000EncodeProgress>();

        new Jpeg2000Encoder(new Jpeg2000EncoderOptions { TileSize = 100 }).Encode(image, new MemoryStream(), new SynchronousProgress(reports.Add));

        Assert.That(reports, Is.EqualTo(Enumerable.Range(1, 6).Select(i => new Jpeg2000EncodeProgress(i, 6))));
    }

    [Test]
    public void Encode_CancelledAfterSomeTiles_ThrowsAndDeletesThePartialFile()
    {
        using var image = SyntheticImages.Gray(300, 200);
        using var cancellation = new CancellationTokenSource();
        var path = Path.Combine(TestImageFactory.Folder, "cancelled.jp2");
        var progress = new SynchronousProgress(p =>
        {
            if (p.TilesWritten == 2)
            {
                cancellation.Cancel();
            }
        });

        Assert.That(
            () => new Jpeg2000Encoder(new Jpeg2000EncoderOptions { TileSize = 100 }).Encode(image, path, progress, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Encode_LossyFile_StaysCloseToTheSource()
    {
        using var image = SyntheticImages.Rgb(256, 256);

        var (_, bytes) = EncodeAndRead(image, new Jpeg2000EncoderOptions { Lossless = false, CompressionRatios = [10] });
        using var decoded = _reader.Decode(new MemoryStream(bytes), new PixelRect(0, 0, 256, 256), 0);

        Assert.That(bytes.Length, Is.LessThan(256 * 256 * 3 / 8), "at least about 10:1 with container overhead");
        Assert.That(PixelData.Of(decoded).Psnr(PixelData.Of(image)), Is.GreaterThan(30));
    }

    [TestCase(new float[] { 10, 20 })]
    [TestCase(new float[] { 1 })]
    [TestCase(new float[] { 40, 40 })]
    public void Constructor_BadCompressionRatios_ThrowArgumentException(float[] ratios)
    {
        Assert.Throws<ArgumentException>(() => _ = new Jpeg2000Encoder(new Jpeg2000EncoderOptions { CompressionRatios = ratios }));
    }

    [Test]
    public void Encode_UnsupportedPixelType_ThrowsArgumentException()
    {
        using var image = new Image<Bgra32>(8, 8);

        Assert.Throws<ArgumentException>(() => new Jpeg2000Encoder().Encode(image, new MemoryStream()));
    }

    [Test]
    public void Encode_PlaneOfTheWrongSizeForItsSubsampling_ThrowsArgumentException()
    {
        var planes = new Jpeg2000Planes(9, 9, Jpeg2000ColorSpace.Gray,
            [new Jpeg2000ComponentPlane(new int[4 * 4], 4, 4, 8) { Dx = 2, Dy = 2 }]);

        var error = Assert.Throws<ArgumentException>(() => new Jpeg2000Encoder().Encode(planes, new MemoryStream()));

        Assert.That(error!.Message, Does.Contain("5x5"));
    }

    [Test]
    public void Encode_OutputThatCannotSeek_ThrowsArgumentException()
    {
        using var image = SyntheticImages.Gray(8, 8);
        using var output = new WriteOnlyForwardStream();

        Assert.Throws<ArgumentException>(() => new Jpeg2000Encoder().Encode(image, output));
    }

    private static (Jpeg2000Facts Facts, byte[] Bytes) EncodeAndRead(Image image, Jpeg2000EncoderOptions options)
    {
        using var stream = new MemoryStream();
        new Jpeg2000Encoder(options).Encode(image, stream);
        var bytes = stream.ToArray();
        return (Jpeg2000Reader.ReadFacts(new MemoryStream(bytes)), bytes);
    }

    private sealed class SynchronousProgress(Action<Jpeg2000EncodeProgress> report) : IProgress<Jpeg2000EncodeProgress>
    {
        public void Report(Jpeg2000EncodeProgress value) => report(value);
    }

    private sealed class WriteOnlyForwardStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}

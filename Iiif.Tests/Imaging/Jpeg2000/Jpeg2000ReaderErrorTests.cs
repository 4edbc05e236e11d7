using Iiif.Core.Geometry;
using Iiif.Imaging;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>Empty, foreign, truncated and corrupt input fails with a typed error carrying the codec's own words;
/// callers' mistakes fail with argument exceptions; stream faults and cancellation keep their own types.</summary>
[TestFixture]
public class Jpeg2000ReaderErrorTests
{
    private static readonly PixelRect Whole = new(0, 0, 640, 480);

    private readonly Jpeg2000Reader _reader = new();

    private static byte[] TiledFile => File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbTiled));

    [Test]
    public void Decode_ZeroBytes_ThrowsImageDecodeExceptionSayingEmpty()
    {
        var error = Assert.Throws<ImageDecodeException>(() => Decode([]));

        Assert.That(error!.Message, Does.Contain("empty"));
    }

    [Test]
    public void Decode_PngFile_ThrowsImageDecodeExceptionSayingNotJpeg2000()
    {
        using var png = new MemoryStream();
        using (var image = new Image<Rgb24>(8, 8))
        {
            image.SaveAsPng(png);
        }

        var error = Assert.Throws<ImageDecodeException>(() => Decode(png.ToArray()));

        Assert.That(error!.Message, Does.Contain("Not a JPEG 2000 file"));
    }

    [Test]
    public void ReadFacts_TextFile_ThrowsImageDecodeException()
    {
        using var stream = new MemoryStream("hello, this is not an image"u8.ToArray());

        Assert.Throws<ImageDecodeException>(() => Jpeg2000Reader.ReadFacts(stream));
    }

    [TestCase(12, "JP2H box missing")]
    [TestCase(40, "Invalid box size")]
    [TestCase(100, "Stream too short")]
    [TestCase(300, "Tile part length size inconsistent with stream length")]
    [Description("opj-notes error table: each truncation fails cleanly with the codec's message")]
    public void Decode_TruncatedFile_ThrowsWithTheCodecsMessage(int length, string message)
    {
        var error = Assert.Throws<ImageDecodeException>(() => Decode(TiledFile[..length]));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(message));
            Assert.That(error.DecoderMessages, Has.Some.StartsWith("error: ").And.Contains(message));
        });
    }

    [TestCase(0.3)]
    [TestCase(0.5)]
    [Description("Cut before the last tiles: the whole image needs tiles the file no longer has (a cut inside the last tile decodes: Jpeg2000TruncatedFileTests)")]
    public void Decode_FileCutInTheCodestream_ThrowsImageDecodeException(double fraction)
    {
        var file = TiledFile;

        var error = Assert.Throws<ImageDecodeException>(() => Decode(file[..(int)(file.Length * fraction)]));

        Assert.That(error!.DecoderMessages, Has.Some.StartsWith("error: "));
    }

    [Test]
    public void ReadFacts_TruncatedHeader_ThrowsImageDecodeException()
    {
        using var stream = new MemoryStream(TiledFile[..100]);

        var error = Assert.Throws<ImageDecodeException>(() => Jpeg2000Reader.ReadFacts(stream));

        Assert.That(error!.Message, Does.Contain("Stream too short"));
    }

    [Test]
    public void Decode_SizMarkerDisagreeingWithTheJp2Header_ThrowsWithTheCodecsMessage()
    {
        var file = TiledFile;
        file[CodestreamMarkers.CodestreamStart(file) + 11] ^= 0xFF; // low byte of Xsiz

        var error = Assert.Throws<ImageDecodeException>(() => Decode(file));

        Assert.That(error!.Message, Does.Contain("SIZ"));
    }

    [Test]
    public void Decode_FirstTilePartMarkerDestroyed_ThrowsImageDecodeException()
    {
        var file = TiledFile;
        file[SotOffset(file) + 1] = 0x00;

        var error = Assert.Throws<ImageDecodeException>(() => Decode(file));

        Assert.That(error!.Message, Does.Contain("Marker is not compliant with its position"));
    }

    [Test]
    public void Decode_TilePartLengthBeyondTheFile_ThrowsImageDecodeException()
    {
        var file = TiledFile;
        file[SotOffset(file) + 6] = 0x7F; // high byte of Psot

        var error = Assert.Throws<ImageDecodeException>(() => Decode(file));

        Assert.That(error!.Message, Does.Contain("Tile part length"));
    }

    [Test]
    [Description("Garbled entropy-coded data is not detectable by JPEG 2000 itself; it must decode or fail cleanly, never crash")]
    public void Decode_GarbledCodeBlockData_DecodesOrFailsCleanly()
    {
        var original = TiledFile;
        var start = CodestreamMarkers.CodestreamStart(original) + 400;
        for (var seed = 0; seed < 20; seed++)
        {
            var file = (byte[])original.Clone();
            var random = new Random(seed);
            for (var i = 0; i < 20; i++)
            {
                file[random.Next(start, file.Length)] = (byte)random.Next(256);
            }

            try
            {
                using var image = Decode(file);
                Assert.That((image.Width, image.Height), Is.EqualTo((640, 480)));
            }
            catch (ImageDecodeException error)
            {
                Assert.That(error.DecoderMessages, Is.Not.Empty);
            }
        }
    }

    [Test]
    public void Decode_ReductionNotBelowTheLevels_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbTiled), Whole, reduce: 5));
    }

    [Test]
    public void Decode_NegativeReduction_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbTiled), Whole, reduce: -1));
    }

    [TestCase(640, 0, 10, 10)]
    [TestCase(-20, -20, 10, 10)]
    [TestCase(0, 0, 0, 10)]
    [TestCase(5, 5, 10, -1)]
    public void Decode_RegionNotOverlappingTheImage_ThrowsArgumentOutOfRange(int x, int y, int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbTiled), new PixelRect(x, y, width, height), reduce: 0));
    }

    [Test]
    public void Decode_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => _reader.Decode(Path.Combine(TestImageFactory.Folder, "missing.jp2"), Whole, 0));
    }

    [Test]
    public void Decode_StreamThatCannotSeek_ThrowsArgumentException()
    {
        using var stream = new NonSeekableStream();

        Assert.Throws<ArgumentException>(() => _reader.Decode(stream, Whole, 0));
    }

    [Test]
    [Description("A stream fault is an I/O error, not a decode error: it surfaces as itself")]
    public void Decode_StreamThrowingDuringTheDecode_RethrowsTheStreamsException()
    {
        using var stream = new FaultyStream(TiledFile, read =>
        {
            if (read > 2)
            {
                throw new IOException("disk on fire");
            }
        });

        var error = Assert.Throws<IOException>(() => _reader.Decode(stream, Whole, 0));

        Assert.That(error!.Message, Is.EqualTo("disk on fire"));
    }

    [Test]
    public void Decode_AlreadyCancelled_ThrowsOperationCanceled()
    {
        Assert.Throws<OperationCanceledException>(
            () => _reader.Decode(TestImageFactory.PathOf(TestImageFactory.RgbTiled), Whole, 0, new CancellationToken(canceled: true)));
    }

    [Test]
    public void Decode_CancelledWhileReading_StopsWithOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        using var stream = new FaultyStream(TiledFile, read =>
        {
            if (read == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.That(() => _reader.Decode(stream, Whole, 0, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(stream.Reads, Is.EqualTo(3), "the codec's reads stop as soon as the token is cancelled");
    }

    private static int SotOffset(byte[] file)
    {
        var markers = CodestreamMarkers.Read(file);
        return CodestreamMarkers.CodestreamStart(file) + 2 + markers.MainHeader.Sum(s => 4 + s.Body.Length);
    }

    private Image Decode(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return _reader.Decode(stream, Whole, reduce: 0);
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}

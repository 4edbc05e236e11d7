using Iiif.Core.Geometry;
using Iiif.Core.Requests;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.Imaging.Encoding;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Jpeg2000;

[TestFixture]
public sealed class Jp2OutputEncoderTests
{
    [Test]
    [Description("Image API 3.0 section 4.5: jp2 output is a JP2 file; a small derivative is lossless, one tile")]
    public async Task EncodeAsync_SmallImage_DecodesBackExactly()
    {
        using var image = SyntheticImages.Rgb(200, 150);
        using var stream = new MemoryStream();

        await new Jp2OutputEncoder().EncodeAsync(image, stream, CancellationToken.None);

        stream.Position = 0;
        var facts = Jpeg2000Reader.ReadFacts(stream);
        Assert.Multiple(() =>
        {
            Assert.That(facts.Container, Is.EqualTo(Jpeg2000Container.Jp2));
            Assert.That(facts.IsReversible, Is.True);
            Assert.That(facts.TileCount, Is.EqualTo(1));
            Assert.That(facts.ResolutionLevels, Is.GreaterThan(1));
        });
        stream.Position = 0;
        using var decoded = new Jpeg2000Reader().Decode(stream, new PixelRect(0, 0, 200, 150), 0);
        Assert.That(MeanAbsoluteDifference(image, decoded.CloneAs<Rgb24>()), Is.Zero);
    }

    [Test]
    [Description("Image API 3.0 section 4.5: a larger jp2 derivative is lossy 9/7 with quality layers and decodes to the same size and close pixels")]
    public async Task EncodeAsync_LargerImage_LossyCloseToSource()
    {
        using var image = SyntheticImages.Rgb(640, 480);
        using var stream = new MemoryStream();

        await new Jp2OutputEncoder().EncodeAsync(image, stream, CancellationToken.None);

        stream.Position = 0;
        var facts = Jpeg2000Reader.ReadFacts(stream);
        stream.Position = 0;
        using var decoded = new Jpeg2000Reader().Decode(stream, new PixelRect(0, 0, 640, 480), 0);
        using var rgb = decoded.CloneAs<Rgb24>();
        Assert.Multiple(() =>
        {
            Assert.That(facts.IsReversible, Is.False);
            Assert.That(facts.QualityLayers, Is.EqualTo(3));
            Assert.That(facts.TileCount, Is.EqualTo(1));
            Assert.That((rgb.Width, rgb.Height), Is.EqualTo((640, 480)));
            Assert.That(MeanAbsoluteDifference(image, rgb), Is.LessThan(12));
        });
    }

    [TestCase(256, 256, true, 256)]
    [TestCase(257, 256, false, 257)]
    [TestCase(4096, 100, false, 4096)]
    [TestCase(5000, 300, false, 1024)]
    [Description("Derivative layout: lossless only up to 256x256 pixels; one tile up to 4096 pixels a side")]
    public void OptionsFor_Size_PicksLayout(int width, int height, bool lossless, int tile)
    {
        var options = Jp2OutputEncoder.OptionsFor(width, height);

        Assert.That((options.Lossless, options.TileSize), Is.EqualTo((lossless, tile)));
    }

    [Test]
    [Description("Image API 3.0 section 4.5: the catalog offers jp2 once the encoder is registered; a response stream need not seek")]
    public async Task Catalog_WithEncoder_WritesJp2ToNonSeekableStream()
    {
        var catalog = TestCatalogs.Create(null, new Jp2OutputEncoder());
        using var image = SyntheticImages.Gray(90, 70);
        using var buffer = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(buffer))
        {
            await catalog.EncodeAsync(image, ImageFormat.Jp2, forwardOnly, CancellationToken.None);
        }

        buffer.Position = 0;
        var facts = Jpeg2000Reader.ReadFacts(buffer);
        Assert.Multiple(() =>
        {
            Assert.That(catalog.IsAvailable(ImageFormat.Jp2), Is.True);
            Assert.That((facts.Width, facts.Height, facts.ColorChannels), Is.EqualTo((90, 70, 1)));
        });
    }

    private static double MeanAbsoluteDifference(Image<Rgb24> expected, Image<Rgb24> actual)
    {
        long sum = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var e = expected[x, y];
                var a = actual[x, y];
                sum += Math.Abs(e.R - a.R) + Math.Abs(e.G - a.G) + Math.Abs(e.B - a.B);
            }
        }

        return sum / (3.0 * expected.Width * expected.Height);
    }

    /// <summary>A response-like stream: write-only, no seeking.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}

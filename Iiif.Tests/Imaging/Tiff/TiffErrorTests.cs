using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Tiff;

/// <summary>Damaged and unsupported TIFFs fail with typed errors that say what is wrong, and libtiff prints nothing.</summary>
[TestFixture]
[NonParallelizable]
public class TiffErrorTests
{
    private NativeStderrCapture? _stderr;

    [SetUp]
    public void CaptureStderr() => _stderr = new NativeStderrCapture();

    [TearDown]
    public void NothingPrinted()
    {
        var printed = _stderr!.Finish();
        _stderr.Dispose();
        Assert.That(printed, Is.Empty, "libtiff printed to stderr");
    }

    [TestCase("")]
    [TestCase("49492A00")]
    [TestCase("49492A00FFFFFF7F00000000")]
    [TestCase("4D4D002A0000000800")]
    [TestCase("49492B0008000000")]
    public void Identify_NotReallyATiff_ThrowsImageDecodeException(string hex)
    {
        var source = new BytesSourceHandle(Convert.FromHexString(hex));

        Assert.That(() => TiffDecoders.Create().Identify(source, CancellationToken.None), Throws.InstanceOf<ImageDecodeException>());
    }

    [TestCase("jpeg-chain", 0.33)]
    [TestCase("jpeg-chain", 0.6)]
    [TestCase("tiffcp-strips-16rows", 0.5)]
    [TestCase("deflate-subifd", 0.5)]
    [Description("vips and tiffcp write the directories after the pixels: a truncated file loses them.")]
    public void Identify_TruncatedFile_ThrowsSourceDecodeException(string name, double keep)
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf(name));
        var source = new BytesSourceHandle(bytes[..(int)(bytes.Length * keep)]);

        Assert.That(() => DecodeEverything(source), Throws.InstanceOf<SourceDecodeException>());
    }

    [Test]
    [Description("A tile whose offset points past the end fails that tile alone, with libtiff's reason.")]
    public void Decode_TileOffsetPastEnd_FailsThatTileOnly()
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("deflate-chain"));
        new TiffEntries(bytes).SetElement(0, 324, 9, (ulong)bytes.Length + 4096);
        var source = new BytesSourceHandle(bytes);
        var decoder = TiffDecoders.Create();

        using (decoder.Decode(source, RenderPlanBuilder.ForRegion(0, 0, 128, 128).Build(), CancellationToken.None))
        {
        }

        var failure = Assert.Throws<ImageDecodeException>(() => decoder.Decode(source, RenderPlanBuilder.ForRegion(128, 128, 128, 128).Build(), CancellationToken.None));
        Assert.That(failure!.Message, Does.Contain("tile 9"));
        Assert.That(failure.DecoderMessages, Is.Not.Empty);
    }

    [Test]
    [Description("A tile whose byte count runs past the end is read as far as the file goes, never allocated at that size.")]
    public void Decode_TileByteCountPastEnd_ReadsWhatIsThere()
    {
        var intact = File.ReadAllBytes(TiffTestImages.PathOf("deflate-chain"));
        var bytes = intact.ToArray();
        new TiffEntries(bytes).SetElement(0, 325, 0, 0xFFFFFFF0);
        var plan = RenderPlanBuilder.ForRegion(0, 0, 128, 128).Build();

        using var expected = TiffDecoders.Create().Decode(new BytesSourceHandle(intact), plan, CancellationToken.None);
        using var tile = TiffDecoders.Create().Decode(new BytesSourceHandle(bytes), plan, CancellationToken.None);

        Assert.That(PixelData.Of(tile).Samples, Is.EqualTo(PixelData.Of(expected).Samples));
    }

    [TestCase(0.5, Description = "cut short")]
    [TestCase(0.0, Description = "zeroed")]
    [Description("A tile whose compressed data is cut short or overwritten fails with libtiff's reason.")]
    public void Decode_DamagedTileData_ThrowsImageDecodeException(double keep)
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("deflate-chain"));
        var entries = new TiffEntries(bytes);
        var (offset, count) = (entries.Element(0, 324, 3), entries.Element(0, 325, 3));
        if (keep > 0)
        {
            entries.SetElement(0, 325, 3, (ulong)(count * keep));
        }
        else
        {
            Array.Fill(bytes, (byte)0, (int)offset, (int)count);
        }

        var failure = Assert.Throws<ImageDecodeException>(() =>
            TiffDecoders.Create().Decode(new BytesSourceHandle(bytes), RenderPlanBuilder.ForRegion(384, 0, 128, 128).Build(), CancellationToken.None));
        Assert.That(failure!.DecoderMessages, Is.Not.Empty);
    }

    [Test]
    [Description("A directory chain that loops back is noticed; the image is still served.")]
    public void Identify_IfdLoop_StopsAndServesFirstImage()
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("deflate-chain"));
        var entries = new TiffEntries(bytes);
        entries.SetNext(1, entries.DirectoryOffsets[0]);
        var source = new BytesSourceHandle(bytes);
        var decoder = TiffDecoders.Create();

        var info = decoder.Identify(source, CancellationToken.None);
        using var tile = decoder.Decode(source, RenderPlanBuilder.ForRegion(0, 0, 256, 256).ReducedBy(1).OnLevelsOf(info).Build(), CancellationToken.None);

        Assert.That((info.Width, info.Height), Is.EqualTo((1000, 750)));
        Assert.That(decoder.FactsOf(source, CancellationToken.None).Levels, Has.Count.EqualTo(2), "levels 0 and 1; the loop ends the chain");
    }

    [TestCase(256, 0x7FFFFFFFu)]
    [TestCase(257, 0x7FFFFFFFu)]
    [TestCase(256, 0u)]
    [TestCase(322, 0u, Description = "zero tile width")]
    [Description("Absurd sizes are refused from the directory, before anything is allocated for them.")]
    public void Identify_AbsurdSize_ThrowsImageDecodeException(int tag, uint value)
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("deflate-chain"));
        new TiffEntries(bytes).Set(0, tag, value);

        Assert.That(() => TiffDecoders.Create().Identify(new BytesSourceHandle(bytes), CancellationToken.None), Throws.InstanceOf<SourceDecodeException>());
    }

    [TestCase(50002, "JPEG XL")]
    [TestCase(12345, "compression 12345")]
    [TestCase(34712, "JPEG 2000")]
    [Description("A compression the system libtiff lacks is a typed error naming it.")]
    public void Identify_MissingCodec_ThrowsCodecUnavailableNamingIt(int compression, string name)
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("deflate-chain"));
        new TiffEntries(bytes).Set(0, 259, (ulong)compression);

        var failure = Assert.Throws<TiffCodecUnavailableException>(() => TiffDecoders.Create().Identify(new BytesSourceHandle(bytes), CancellationToken.None));

        Assert.That(failure!.Message, Does.Contain(name));
    }

    [TestCase("none-single-tiled", 262, 32844u, "LogL")]
    [TestCase("none-single-tiled", 262, 4u, "transparency mask")]
    [TestCase("gray-chain", 339, 3u, "floating-point")]
    [TestCase("gray-chain", 258, 12u, "12 bits")]
    [Description("Layouts that cannot become pixels are a typed error saying which.")]
    public void Identify_UnsupportedLayout_ThrowsUnsupportedLayout(string name, int tag, uint value, string what)
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf(name));
        new TiffEntries(bytes).Set(0, tag, value);

        var failure = Assert.Throws<UnsupportedTiffLayoutException>(() => TiffDecoders.Create().Identify(new BytesSourceHandle(bytes), CancellationToken.None));

        Assert.That(failure!.Message, Does.Contain(what));
    }

    private static void DecodeEverything(BytesSourceHandle source)
    {
        var decoder = TiffDecoders.Create();
        var info = decoder.Identify(source, CancellationToken.None);
        for (var r = 0; r < info.ResolutionLevels; r++)
        {
            using var image = decoder.Decode(source, RenderPlanBuilder.ForImage(info.Width, info.Height).ReducedBy(r).OnLevelsOf(info).Build(), CancellationToken.None);
        }
    }
}

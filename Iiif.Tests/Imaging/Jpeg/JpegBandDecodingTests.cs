using Iiif.Core.Geometry;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Jpeg;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Jpeg;

/// <summary>Sequential JPEGs too large to hold whole are decoded in full-width bands by djpeg. With a 1 MB budget a
/// 1500x1000 colour JPEG (4.5 MB decoded) is banded at full resolution (16-row bands) and at 1/2 (32 rows), and
/// decoded whole at 1/4.</summary>
[TestFixture]
[Category("Integration")]
public class JpegBandDecodingTests
{
    private const int Width = 1500;
    private const int Height = 1000;

    private string _folder = null!;
    private byte[] _jpeg = null!;
    private string _path = null!;

    [OneTimeSetUp]
    public void CreateSource()
    {
        _folder = Directory.CreateTempSubdirectory("iiif-jpeg-bands-").FullName;
        using var image = SyntheticImages.Rgb(Width, Height);
        _jpeg = JpegTestFiles.Turbo(image, quality: 90);
        _path = Path.Combine(_folder, "banded.jpg");
        File.WriteAllBytes(_path, _jpeg);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestCase(0, 16)]
    [TestCase(1, 32)]
    [Description("The layout bands what does not fit half the budget, in power-of-two bands of at most an eighth.")]
    public void Choose_OverHalfTheBudget_GivesBands(int reduce, int rows)
    {
        var header = Header();

        Assert.That(JpegDecodeLayout.Choose(header, reduce, 1024 * 1024, "banded").BandRows, Is.EqualTo(rows));
        Assert.That(JpegDecodeLayout.Choose(header, 2, 1024 * 1024, "banded").BandRows, Is.Zero);
    }

    [TestCase(0, 700, 30, 400, 300)]
    [TestCase(0, 0, 0, 1500, 1000)]
    [TestCase(1, 210, 90, 600, 500)]
    [Description("A region crossing many bands has the pixels of a whole decode at that scale.")]
    public void Decode_RegionAcrossBands_EqualsTheWholeDecode(int reduce, int x, int y, int width, int height)
    {
        using var decoders = new TurboJpegDecoders(budgetMegabytes: 1);
        var plan = RenderPlanBuilder.ForRegion(x, y, width, height).ReducedBy(reduce).Build();

        using var banded = decoders.Turbo.Decode(new FileSourceHandle(_path), plan, CancellationToken.None);

        using var whole = WholeDecode(reduce);
        var origin = new ReductionFactor(reduce).ReducedSize(new PixelRect(0, 0, x, y));
        var expected = PixelData.Of(whole, new PixelRect(origin.Width, origin.Height, plan.DecodedSize.Width, plan.DecodedSize.Height));
        Assert.That(JpegComparison.MeanDifference(PixelData.Of(banded), expected), Is.LessThan(0.01));
        Assert.That(decoders.Turbo.Cache.UsedBytes, Is.LessThanOrEqualTo(decoders.Turbo.Cache.BudgetBytes));
    }

    [Test]
    [Description("A source without a local path is fed to djpeg through its standard input.")]
    public void Decode_SourceWithoutPath_IsBandedThroughStandardInput()
    {
        using var decoders = new TurboJpegDecoders(budgetMegabytes: 1);
        var plan = RenderPlanBuilder.ForRegion(1000, 800, 300, 150).Build();

        using var banded = decoders.Turbo.Decode(new BytesSourceHandle(_jpeg), plan, CancellationToken.None);

        using var whole = WholeDecode(0);
        Assert.That(JpegComparison.MeanDifference(PixelData.Of(banded), PixelData.Of(whole, new PixelRect(1000, 800, 300, 150))), Is.LessThan(0.01));
    }

    [Test]
    [Description("Bands are cached: the next tile in the same band costs no decode.")]
    public void Decode_TwoTilesInOneBand_DecodesTheBandOnce()
    {
        using var decoders = new TurboJpegDecoders(budgetMegabytes: 1);
        var source = new FileSourceHandle(_path);

        // 16-row bands at full resolution (4500 bytes a row, an eighth of 1 MB): rows 130-141 lie in band 8.
        using (decoders.Turbo.Decode(source, RenderPlanBuilder.ForRegion(0, 130, 64, 12).Build(), CancellationToken.None))
        using (decoders.Turbo.Decode(source, RenderPlanBuilder.ForRegion(600, 132, 64, 10).Build(), CancellationToken.None))
        {
        }

        Assert.That(decoders.Turbo.Cache.DecodeCount, Is.EqualTo(1));
    }

    [Test]
    [Description("A truncated file fails in band decoding too, rather than serving grey rows.")]
    public void Decode_TruncatedFileInBands_ThrowsSourceDecodeException()
    {
        using var decoders = new TurboJpegDecoders(budgetMegabytes: 1);
        var truncated = Path.Combine(_folder, "truncated.jpg");
        File.WriteAllBytes(truncated, _jpeg.AsSpan(0, _jpeg.Length / 2).ToArray());

        Assert.Throws<Iiif.Imaging.ImageDecodeException>(() => decoders.Turbo.Decode(
            new FileSourceHandle(truncated), RenderPlanBuilder.ForRegion(0, 900, 200, 100).Build(), CancellationToken.None));
    }

    [Test]
    [Description("A progressive JPEG holds all its coefficients while decoding; over the budget it is refused.")]
    public void Decode_ProgressiveOverBudget_ThrowsSourceTooLarge()
    {
        using var decoders = new TurboJpegDecoders(budgetMegabytes: 1);
        using var image = SyntheticImages.Rgb(Width, Height);
        var source = new BytesSourceHandle(JpegTestFiles.Turbo(image, progressive: true));

        var error = Assert.Throws<SourceTooLargeException>(
            () => decoders.Turbo.Decode(source, RenderPlanBuilder.ForImage(Width, Height).ReducedBy(3).Build(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("progressive"));
    }

    private JpegHeader Header()
    {
        using var buffer = JpegSourceBuffer.Map(_path);
        return TurboJpegReader.ReadHeader(buffer);
    }

    private Image WholeDecode(int reduce)
    {
        using var buffer = JpegSourceBuffer.Map(_path);
        return new TurboJpegReader(TestConfiguration).Decode(buffer, TurboJpegReader.ReadHeader(buffer), reduce);
    }
}

using Iiif.Core.Geometry;
using Iiif.Imaging;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Jpeg;

[TestFixture]
public class TurboJpegSourceDecoderTests
{
    private string _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("iiif-turbojpeg-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Description("DCT scaling gives 1/2, 1/4 and 1/8: four resolution levels for the planner.")]
    public void Identify_ColourJpeg_ReadsSizeAndFourLevels()
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Rgb(333, 217);

        var info = decoder.Turbo.Identify(File(image), CancellationToken.None);

        Assert.That((info.Width, info.Height, info.ResolutionLevels, info.IsGrayscale), Is.EqualTo((333, 217, 4, false)));
        Assert.That(info.NativeTileSize, Is.Null);
    }

    [Test]
    public void Identify_GrayJpeg_IsGrayscale()
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Gray(100, 80);

        Assert.That(decoder.Turbo.Identify(File(image), CancellationToken.None).IsGrayscale, Is.True);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [Description("A reduced plan decodes at the DCT scale: the decoded size the planner expects, pixels close to a "
        + "block average of the full decode.")]
    public void Decode_WholeImageAtReduction_MatchesBlockAverage(int reduce)
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Rgb(333, 217);
        var jpeg = JpegTestFiles.Turbo(image, quality: 95);
        var plan = RenderPlanBuilder.ForImage(333, 217).ReducedBy(reduce).Build();

        using var decoded = decoder.Turbo.Decode(File(jpeg), plan, CancellationToken.None);

        Assert.That(decoded, Is.InstanceOf<Image<Rgb24>>());
        Assert.That(new PixelSize(decoded.Width, decoded.Height), Is.EqualTo(plan.DecodedSize));
        var reference = JpegComparison.BlockAverage(JpegComparison.ImageSharpDecode(jpeg, gray: false), reduce);
        Assert.That(JpegComparison.MeanDifference(PixelData.Of(decoded), reference), Is.LessThan(reduce == 0 ? 1.0 : 3.0));
    }

    [Test]
    [Description("The memory budget counts the image at the scale it was decoded at, not its full size.")]
    public void Decode_Reduced_ChargesTheScaledSize()
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Rgb(333, 217);
        var plan = RenderPlanBuilder.ForRegion(40, 40, 200, 100).ReducedBy(2).Build();

        using var decoded = decoder.Turbo.Decode(File(image), plan, CancellationToken.None);

        Assert.That(decoder.Turbo.Cache.UsedBytes, Is.EqualTo(84L * 55 * 3));
    }

    [Test]
    [Description("Tiles of one source and scale are cut from one decode.")]
    public void Decode_SeveralRegionsAtOneScale_DecodesOnce()
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Rgb(256, 256);
        var source = File(image);

        for (var i = 0; i < 4; i++)
        {
            using var tile = decoder.Turbo.Decode(source, RenderPlanBuilder.ForRegion(i * 64, 0, 64, 128).ReducedBy(1).Build(), CancellationToken.None);
        }

        Assert.That(decoder.Turbo.Cache.DecodeCount, Is.EqualTo(1));
    }

    [Test]
    [Description("A region at full resolution has the pixels ImageSharp decodes at that place.")]
    public void Decode_RegionAtFullResolution_MatchesImageSharp()
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Rgb(333, 217);
        var jpeg = JpegTestFiles.Turbo(image, quality: 95);
        var region = new PixelRect(101, 37, 150, 90);

        using var decoded = decoder.Turbo.Decode(new BytesSourceHandle(jpeg), RenderPlanBuilder.ForRegion(101, 37, 150, 90).Build(), CancellationToken.None);

        using var reference = Image.Load<Rgb24>(TestConfiguration, jpeg);
        Assert.That(JpegComparison.MeanDifference(PixelData.Of(decoded), PixelData.Of(reference, region)), Is.LessThan(1.0));
    }

    [Test]
    [Description("Gray stays one channel.")]
    public void Decode_GrayJpeg_GivesL8()
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Gray(120, 90);

        using var decoded = decoder.Turbo.Decode(File(image), RenderPlanBuilder.ForImage(120, 90).ReducedBy(1).Build(), CancellationToken.None);

        Assert.That(decoded, Is.InstanceOf<Image<L8>>());
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((60, 45)));
    }

    [Test]
    public void Decode_ProgressiveJpeg_Decodes()
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Rgb(200, 150);
        var jpeg = JpegTestFiles.Turbo(image, quality: 95, progressive: true);

        using var decoded = decoder.Turbo.Decode(File(jpeg), RenderPlanBuilder.ForImage(200, 150).Build(), CancellationToken.None);

        Assert.That(JpegComparison.MeanDifference(PixelData.Of(decoded), JpegComparison.ImageSharpDecode(jpeg, gray: false)), Is.LessThan(1.0));
    }

    [Test]
    [Description("An embedded ICC profile is carried into the decoded image, so the output embeds it as before.")]
    public void Decode_SourceWithIccProfile_KeepsTheProfile()
    {
        using var decoder = Decoder();
        var profile = TestIccProfiles.MinimalRgb();
        using var image = JpegTestFiles.WithIcc(SyntheticImages.Rgb(64, 64), profile);

        using var decoded = decoder.Turbo.Decode(File(image), RenderPlanBuilder.ForRegion(8, 8, 32, 32).ReducedBy(1).Build(), CancellationToken.None);

        Assert.That(decoded.Metadata.IccProfile?.ToByteArray(), Is.EqualTo(profile));
    }

    [Test]
    [Description("EXIF orientation is not applied, as before: the stored pixels and size are served.")]
    public void Decode_ExifOrientation_ServesStoredPixels()
    {
        using var decoder = Decoder();
        using var image = Quadrants(64, 32);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        var path = Write(image, new JpegEncoder { Quality = 95 });

        var info = decoder.Turbo.Identify(new FileSourceHandle(path), CancellationToken.None);
        using var decoded = decoder.Turbo.Decode(new FileSourceHandle(path), RenderPlanBuilder.ForImage(64, 32).Build(), CancellationToken.None);

        Assert.That((info.Width, info.Height), Is.EqualTo((64, 32)));
        using var rgb = decoded.CloneAs<Rgb24>();
        Assert.That(Distance(rgb[4, 4], Red), Is.LessThan(12));
        Assert.That(Distance(rgb[60, 28], Yellow), Is.LessThan(12));
    }

    [Test]
    [Description("CMYK (YCCK) JPEG, which TurboJPEG cannot turn into RGB, is decoded by ImageSharp as before.")]
    public void Decode_CmykJpeg_FallsBackToImageSharp()
    {
        using var decoder = Decoder();
        var jpeg = JpegTestFiles.Cmyk(48, 32);
        var source = new BytesSourceHandle(jpeg);

        var info = decoder.Turbo.Identify(source, CancellationToken.None);
        using var decoded = decoder.Turbo.Decode(source, RenderPlanBuilder.ForImage(48, 32).Build(), CancellationToken.None);
        using var reference = decoder.ImageSharp.Decode(source, RenderPlanBuilder.ForImage(48, 32).Build(), CancellationToken.None);

        Assert.That((info.Width, info.Height, info.ResolutionLevels), Is.EqualTo((48, 32, 1)));
        Assert.That(PixelData.Of(decoded.CloneAs<Rgb24>()).Samples, Is.EqualTo(PixelData.Of(reference.CloneAs<Rgb24>()).Samples));
    }

    [TestCase(0.5)]
    [TestCase(0.9)]
    [Description("A JPEG that ends early fails instead of being served with grey rows.")]
    public void Decode_TruncatedJpeg_ThrowsSourceDecodeException(double keep)
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Rgb(200, 150);
        var jpeg = JpegTestFiles.Turbo(image);
        var truncated = jpeg.AsSpan(0, (int)(jpeg.Length * keep)).ToArray();

        var error = Assert.Throws<ImageDecodeException>(
            () => decoder.Turbo.Decode(new BytesSourceHandle(truncated), RenderPlanBuilder.ForImage(200, 150).Build(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("Premature end").IgnoreCase);
    }

    [Test]
    public void Identify_NoFrameHeader_ThrowsSourceDecodeException()
    {
        using var decoder = Decoder();

        Assert.Throws<ImageDecodeException>(
            () => decoder.Turbo.Identify(new BytesSourceHandle([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9]), CancellationToken.None));
    }

    [Test]
    public void Decode_Cancelled_ThrowsBeforeDecoding()
    {
        using var decoder = Decoder();
        using var image = SyntheticImages.Rgb(64, 64);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(
            () => decoder.Turbo.Decode(File(image), RenderPlanBuilder.ForImage(64, 64).Build(), cancelled.Token));
        Assert.That(decoder.Turbo.Cache.DecodeCount, Is.Zero);
    }

    internal static double Distance(Rgb24 a, Rgb24 b) => Math.Max(Math.Abs(a.R - b.R), Math.Max(Math.Abs(a.G - b.G), Math.Abs(a.B - b.B)));

    private static TurboJpegDecoders Decoder(int budgetMegabytes = 64) => new(budgetMegabytes);

    private FileSourceHandle File(Image image) => File(JpegTestFiles.Turbo(image, quality: 95));

    private FileSourceHandle File(byte[] jpeg)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".jpg");
        System.IO.File.WriteAllBytes(path, jpeg);
        return new FileSourceHandle(path);
    }

    private string Write(Image image, JpegEncoder encoder)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".jpg");
        image.Save(path, encoder);
        return path;
    }
}

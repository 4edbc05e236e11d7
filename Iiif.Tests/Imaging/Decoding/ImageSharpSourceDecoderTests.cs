using Iiif.Imaging.Decoding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Decoding;

[TestFixture]
public class ImageSharpSourceDecoderTests
{
    private static readonly SourceFormat[] Formats =
        [SourceFormat.Jpeg, SourceFormat.Png, SourceFormat.Gif, SourceFormat.Webp, SourceFormat.Bmp];

    private ImageSharpSourceDecoder _decoder = null!;

    [SetUp]
    public void SetUp() => _decoder = SourceImages.Decoder();

    [TearDown]
    public void TearDown() => _decoder.Dispose();

    [TestCaseSource(nameof(Formats))]
    [Description("Sources without a pyramid: one resolution level, no native tiles.")]
    public void Identify_EachFormat_ReadsSizeAndNoPyramid(SourceFormat format)
    {
        using var image = Quadrants(64, 48);
        var source = new BytesSourceHandle(SourceImages.Encode(image, format));

        var info = _decoder.Identify(source, CancellationToken.None);

        Assert.That(_decoder.CanDecode(SourceImages.Encode(image, format).AsSpan(0, 16)), Is.True);
        Assert.That((info.Width, info.Height, info.ResolutionLevels), Is.EqualTo((64, 48, 1)));
        Assert.That(info.NativeTileSize, Is.Null);
        Assert.That(info.IsGrayscale, Is.False);
    }

    [TestCaseSource(nameof(Formats))]
    [Description("Decode returns exactly the plan's source region at its decoded size.")]
    public void Decode_QuadrantRegions_GiveThatQuadrantsColour(SourceFormat format)
    {
        using var image = Quadrants(64, 48);
        var source = new BytesSourceHandle(SourceImages.Encode(image, format));

        using var topRight = _decoder.Decode(source, RenderPlanBuilder.ForRegion(32, 0, 32, 24).Build(), CancellationToken.None);
        using var bottomLeft = _decoder.Decode(source, RenderPlanBuilder.ForRegion(0, 24, 32, 24).Build(), CancellationToken.None);

        Assert.That((topRight.Width, topRight.Height), Is.EqualTo((32, 24)));
        AssertCentreNear(topRight, Green);
        AssertCentreNear(bottomLeft, Blue);
    }

    [Test]
    [Description("The crop is pixel exact: every pixel of the region comes from the same place in the source.")]
    public void Decode_Region_CopiesExactPixels()
    {
        using var image = SourceImages.Coordinates(40, 30);
        var source = new BytesSourceHandle(SourceImages.Encode(image, SourceFormat.Png));

        using var region = _decoder.Decode(source, RenderPlanBuilder.ForRegion(5, 7, 10, 3).Build(), CancellationToken.None);

        using var rgb = region.CloneAs<Rgb24>();
        Assert.That((rgb.Width, rgb.Height), Is.EqualTo((10, 3)));
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 10; x++)
            {
                Assert.That(rgb[x, y], Is.EqualTo(SourceImages.CoordinateColour(x + 5, y + 7)), $"pixel {x},{y}");
            }
        }
    }

    [Test]
    [Description("A plan with a reduction still gets exactly DecodedSize: the decoder resizes itself.")]
    public void Decode_PlanWithReduction_ReturnsDecodedSize()
    {
        using var image = Quadrants(64, 48);
        var source = new BytesSourceHandle(SourceImages.Encode(image, SourceFormat.Png));
        var plan = RenderPlanBuilder.ForImage(64, 48).ReducedBy(2).Build();

        using var decoded = _decoder.Decode(source, plan, CancellationToken.None);

        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((16, 12)));
        Assert.That(Corners(decoded), Is.EqualTo(new[] { Opaque(Red), Opaque(Green), Opaque(Blue), Opaque(Yellow) }));
    }

    [Test]
    public void Decode_RegionOutsideImage_ThrowsArgumentException()
    {
        using var image = Quadrants(16, 16);
        var source = new BytesSourceHandle(SourceImages.Encode(image, SourceFormat.Png));

        Assert.Throws<ArgumentException>(
            () => _decoder.Decode(source, RenderPlanBuilder.ForRegion(8, 8, 9, 8).Build(), CancellationToken.None));
    }

    [Test]
    [Description("Grey is known from the header for PNG and JPEG, so info.json need not offer `color`.")]
    public void Identify_GreySources_AreGrayscale()
    {
        using var gray = HorizontalGradient(32, 8);
        var png = new BytesSourceHandle(SourceImages.Encode(gray, SourceFormat.Png), "png");
        var jpeg = new BytesSourceHandle(Save(gray, new JpegEncoder { ColorType = JpegColorType.Luminance }), "jpeg");

        Assert.That(_decoder.Identify(png, CancellationToken.None).IsGrayscale, Is.True);
        Assert.That(_decoder.Identify(jpeg, CancellationToken.None).IsGrayscale, Is.True);
    }

    [Test]
    public void Decode_GreyPng_KeepsOneChannelAndAlphaPngKeepsAlpha()
    {
        using var gray = HorizontalGradient(32, 8);
        using var translucent = Solid(8, 8, new Rgba32(10, 20, 30, 40));
        var graySource = new BytesSourceHandle(SourceImages.Encode(gray, SourceFormat.Png), "gray");
        var alphaSource = new BytesSourceHandle(Save(translucent, new PngEncoder()), "alpha");

        using var grayDecoded = _decoder.Decode(graySource, RenderPlanBuilder.ForImage(32, 8).Build(), CancellationToken.None);
        using var alphaDecoded = _decoder.Decode(alphaSource, RenderPlanBuilder.ForImage(8, 8).Build(), CancellationToken.None);

        Assert.That(grayDecoded, Is.InstanceOf<Image<L8>>());
        Assert.That(((Image<Rgba32>)alphaDecoded)[3, 3], Is.EqualTo(new Rgba32(10, 20, 30, 40)));
    }

    // ImageSharp decodes truncated JPEG, GIF, BMP and WebP pixel data leniently (as libjpeg does), so they are not listed.
    [TestCase(SourceFormat.Png, 0.5)]
    [TestCase(SourceFormat.Png, 0.8)]
    [Description("A truncated body fails with the typed decode error, not an ImageSharp exception.")]
    public void Decode_TruncatedFile_ThrowsSourceDecodeException(SourceFormat format, double keep)
    {
        using var image = SourceImages.Coordinates(64, 48);
        var bytes = SourceImages.Encode(image, format);
        var source = new BytesSourceHandle(bytes[..(int)(bytes.Length * keep)]);

        Assert.That(
            () => _decoder.Decode(source, RenderPlanBuilder.ForImage(64, 48).Build(), CancellationToken.None),
            Throws.InstanceOf<SourceDecodeException>());
        Assert.That(_decoder.Cache.UsedBytes, Is.Zero, "a failed decode is not kept");
    }

    [TestCase(SourceFormat.Png, 20)]
    [TestCase(SourceFormat.Bmp, 8)]
    [TestCase(SourceFormat.Jpeg, 20)]
    public void Identify_TruncatedHeader_ThrowsSourceDecodeException(SourceFormat format, int keep)
    {
        using var image = Quadrants(16, 16);
        var source = new BytesSourceHandle(SourceImages.Encode(image, format)[..keep]);

        Assert.That(() => _decoder.Identify(source, CancellationToken.None), Throws.InstanceOf<SourceDecodeException>());
    }

    [TestCase("")]
    [TestCase("0000000C6A5020200D0A870A")]
    [TestCase("3C68746D6C3E")]
    public void Identify_NotAnImageSharpFormat_ThrowsUnsupported(string hex)
    {
        var source = new BytesSourceHandle(Convert.FromHexString(hex));

        Assert.Throws<UnsupportedImageFormatException>(() => _decoder.Identify(source, CancellationToken.None));
        Assert.That(_decoder.CanDecode(Convert.FromHexString(hex)), Is.False);
    }

    private static byte[] Save(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    private static void AssertCentreNear(Image image, Rgb24 expected)
    {
        using var rgb = image.CloneAs<Rgb24>();
        var centre = rgb[rgb.Width / 2, rgb.Height / 2];
        Assert.That(Math.Abs(centre.R - expected.R), Is.LessThanOrEqualTo(8), $"R of {centre}");
        Assert.That(Math.Abs(centre.G - expected.G), Is.LessThanOrEqualTo(8), $"G of {centre}");
        Assert.That(Math.Abs(centre.B - expected.B), Is.LessThanOrEqualTo(8), $"B of {centre}");
    }
}

using Iiif.Core.Requests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Transforms;

[TestFixture]
public class PlanApplierQualityTests
{
    [TestCase(ImageQuality.Default)]
    [TestCase(ImageQuality.Color)]
    [Description("https://iiif.io/api/image/3.0/#44-quality: default and color keep the source's colour.")]
    public void Apply_DefaultOrColorOnColourSource_KeepsPixels(ImageQuality quality)
    {
        var plan = RenderPlanBuilder.ForImage(8, 6).WithQuality(quality).Build();

        using var result = TestAppliers.Create().Apply(Quadrants(8, 6), plan);

        Assert.That(result, Is.InstanceOf<Image<Rgb24>>());
        Assert.That(Corners(result)[0], Is.EqualTo(Opaque(Red)));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#44-quality (3.0): color MUST NOT fail on a greyscale source; it returns what is available.")]
    public void Apply_ColorOnGraySource_ReturnsGray()
    {
        var plan = RenderPlanBuilder.ForImage(8, 6).WithQuality(ImageQuality.Color).As(ImageFormat.Jpg).Build();

        using var result = TestAppliers.Create().Apply(Solid(8, 6, new L8(77)), plan);

        Assert.That(result, Is.InstanceOf<Image<L8>>());
        Assert.That(((Image<L8>)result)[3, 3].PackedValue, Is.EqualTo(77));
    }

    [TestCase(ImageFormat.Jpg)]
    [TestCase(ImageFormat.Png)]
    [Description("https://iiif.io/api/image/3.0/#44-quality: gray is greyscale: R = G = B in every pixel.")]
    public void Apply_Gray_EveryPixelHasEqualChannels(ImageFormat format)
    {
        var plan = RenderPlanBuilder.ForImage(40, 20).ScaledTo(23, 11).Rotated(20).WithQuality(ImageQuality.Gray).As(format).Build();

        using var result = TestAppliers.Create().Apply(Quadrants(40, 20), plan);

        Assert.That(result, Is.InstanceOf<Image<L8>>().Or.InstanceOf<Image<La16>>());
        Assert.That(Pixels(result).Where(p => p.R != p.G || p.G != p.B), Is.Empty);
    }

    [TestCase(255, 0, 0, 54)]
    [TestCase(0, 255, 0, 182)]
    [TestCase(0, 0, 255, 18)]
    [Description("https://iiif.io/api/image/3.0/#44-quality gray: luminance is Rec. 709 (0.2126 R + 0.7152 G + 0.0722 B), documented on PixelKinds.ToGray.")]
    public void Apply_Gray_UsesRec709Weights(byte r, byte g, byte b, int expected)
    {
        var plan = RenderPlanBuilder.ForImage(4, 4).WithQuality(ImageQuality.Gray).Build();

        using var result = TestAppliers.Create().Apply(Solid(4, 4, new Rgb24(r, g, b)), plan);

        Assert.That(((Image<L8>)result)[1, 1].PackedValue, Is.EqualTo(expected).Within(1));
    }

    [TestCase(ImageFormat.Jpg, 0)]
    [TestCase(ImageFormat.Png, 0)]
    [TestCase(ImageFormat.Jpg, 33.3)]
    [TestCase(ImageFormat.Png, 33.3)]
    [Description("https://iiif.io/api/image/3.0/#44-quality: bitonal makes each pixel pure black or pure white.")]
    public void Apply_Bitonal_OnlyBlackAndWhite(ImageFormat format, decimal degrees)
    {
        var plan = RenderPlanBuilder.ForImage(64, 16).ScaledTo(37, 9).Rotated(degrees)
            .WithQuality(ImageQuality.Bitonal).As(format).Build();

        using var result = TestAppliers.Create().Apply(HorizontalGradient(64, 16), plan);

        var colours = Pixels(result).Select(p => (p.R, p.G, p.B)).Distinct().ToList();
        Assert.That(colours, Is.EquivalentTo(new[] { ((byte)0, (byte)0, (byte)0), ((byte)255, (byte)255, (byte)255) }));
    }

    [TestCase(127, 0)]
    [TestCase(128, 255)]
    [TestCase(0, 0)]
    [TestCase(255, 255)]
    [Description("Bitonal threshold: luminance at or above half of white becomes white (TransformOptions.BitonalThreshold).")]
    public void Apply_Bitonal_ThresholdsAtHalfLuminance(byte luminance, int expected)
    {
        var plan = RenderPlanBuilder.ForImage(4, 4).WithQuality(ImageQuality.Bitonal).Build();

        using var result = TestAppliers.Create().Apply(Solid(4, 4, new L8(luminance)), plan);

        Assert.That(((Image<L8>)result)[2, 2].PackedValue, Is.EqualTo(expected));
    }

    [Test]
    public void Apply_BitonalWithCustomThreshold_UsesIt()
    {
        var plan = RenderPlanBuilder.ForImage(4, 4).WithQuality(ImageQuality.Bitonal).Build();

        using var result = TestAppliers.Create(bitonalThreshold: 0.8).Apply(Solid(4, 4, new L8(200)), plan);

        Assert.That(((Image<L8>)result)[2, 2].PackedValue, Is.EqualTo(0));
    }

    [TestCase(ImageFormat.Jpg, 255)]
    [TestCase(ImageFormat.Png, 0)]
    [Description("A transparent source is composited onto white only for formats without alpha.")]
    public void Apply_TransparentSource_FlattenedOnlyWithoutAlpha(ImageFormat format, int expectedAlphaOrWhite)
    {
        var plan = RenderPlanBuilder.ForImage(6, 6).As(format).Build();

        using var result = TestAppliers.Create().Apply(Solid(6, 6, new Rgba32(10, 20, 30, 0)), plan);

        var corner = Corners(result)[0];
        var observed = format == ImageFormat.Jpg ? corner.R : corner.A;
        Assert.That(observed, Is.EqualTo(expectedAlphaOrWhite));
    }

    [Test]
    [Description("Decoders may return 16-bit pixels; the transform normalises them to 8 bits.")]
    public void Apply_SixteenBitSource_NormalisedToRgb24()
    {
        var plan = RenderPlanBuilder.ForImage(4, 4).Build();

        using var result = TestAppliers.Create().Apply(Solid(4, 4, new Rgb48(65535, 0, 0)), plan);

        Assert.That(result, Is.InstanceOf<Image<Rgb24>>());
        Assert.That(((Image<Rgb24>)result)[0, 0], Is.EqualTo(Red));
    }

    [Test]
    [Description("EXIF would re-orient the output in browsers; it is dropped while the ICC profile is kept.")]
    public void Apply_SourceMetadata_ExifDroppedIccKept()
    {
        var source = Quadrants(8, 6);
        source.Metadata.ExifProfile = new ExifProfile();
        source.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        source.Metadata.IccProfile = new IccProfile(TestIccProfiles.MinimalRgb());
        var plan = RenderPlanBuilder.ForImage(8, 6).Build();

        using var result = TestAppliers.Create().Apply(source, plan);

        Assert.That(result.Metadata.ExifProfile, Is.Null);
        Assert.That(result.Metadata.IccProfile, Is.Not.Null);
    }

    [Test]
    [Description("An RGB ICC profile would mislabel gray output, so gray drops it.")]
    public void Apply_GrayWithRgbIccProfile_DropsProfile()
    {
        var source = Quadrants(8, 6);
        source.Metadata.IccProfile = new IccProfile(TestIccProfiles.MinimalRgb());
        var plan = RenderPlanBuilder.ForImage(8, 6).WithQuality(ImageQuality.Gray).Build();

        using var result = TestAppliers.Create().Apply(source, plan);

        Assert.That(result.Metadata.IccProfile, Is.Null);
    }

    [Test]
    [Description("An image response is one picture: further frames of an animated source are dropped.")]
    public void Apply_MultiFrameSource_SingleFrameOutput()
    {
        var source = Quadrants(8, 6);
        source.Frames.AddFrame(source.Frames.RootFrame);
        var plan = RenderPlanBuilder.ForImage(8, 6).ScaledTo(4, 3).Build();

        using var result = TestAppliers.Create().Apply(source, plan);

        Assert.That(result.Frames, Has.Count.EqualTo(1));
    }
}

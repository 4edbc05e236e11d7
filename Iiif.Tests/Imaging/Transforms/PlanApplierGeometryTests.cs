using Iiif.Core.Requests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Transforms;

[TestFixture]
public class PlanApplierGeometryTests
{
    [TestCase(40, 20, 10, 5)]
    [TestCase(40, 20, 13, 7)]
    [TestCase(40, 20, 80, 40)]
    [TestCase(40, 20, 1, 1)]
    [TestCase(40, 20, 40, 20)]
    [Description("https://iiif.io/api/image/3.0/#42-size: the size step yields exactly the requested width and height, distorting if asked.")]
    public void Apply_Resize_ProducesScaledSizeExactly(int width, int height, int scaledWidth, int scaledHeight)
    {
        var plan = RenderPlanBuilder.ForImage(width, height).ScaledTo(scaledWidth, scaledHeight).Build();

        using var result = TestAppliers.Create().Apply(Quadrants(width, height), plan);

        Assert.That(result.Size(), Is.EqualTo(new Size(scaledWidth, scaledHeight)));
    }

    [TestCase(0, false, 30, 20)]
    [TestCase(90, false, 20, 30)]
    [TestCase(180, true, 30, 20)]
    [TestCase(270, true, 20, 30)]
    [TestCase(90, true, 20, 30)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: 90 and 270 swap the dimensions; mirroring never changes them.")]
    public void Apply_ResizeMirrorRotate_OutputHasPlannedSize(int degrees, bool mirror, int expectedWidth, int expectedHeight)
    {
        var plan = RenderPlanBuilder.ForImage(60, 40).ScaledTo(30, 20).Mirrored(mirror).Rotated(degrees).Build();

        using var result = TestAppliers.Create().Apply(Quadrants(60, 40), plan);

        Assert.That(result.Size(), Is.EqualTo(new Size(expectedWidth, expectedHeight)));
    }

    // Corners in the order top left, top right, bottom left, bottom right; the source is red, green / blue, yellow.
    [TestCase(0, false, "red", "green", "blue", "yellow")]
    [TestCase(90, false, "blue", "red", "yellow", "green")]
    [TestCase(180, false, "yellow", "blue", "green", "red")]
    [TestCase(270, false, "green", "yellow", "red", "blue")]
    [TestCase(0, true, "green", "red", "yellow", "blue")]
    [TestCase(90, true, "yellow", "green", "blue", "red")]
    [TestCase(180, true, "blue", "yellow", "red", "green")]
    [TestCase(270, true, "red", "blue", "green", "yellow")]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: rotation is clockwise and `!` mirrors left-right before rotating; right angles move pixels losslessly.")]
    public void Apply_RightAngleAndMirror_CornersLandClockwise(int degrees, bool mirror, string tl, string tr, string bl, string br)
    {
        var plan = RenderPlanBuilder.ForImage(8, 6).Mirrored(mirror).Rotated(degrees).Build();

        using var result = TestAppliers.Create().Apply(Quadrants(8, 6), plan);

        var expected = new[] { tl, tr, bl, br }.Select(n => Opaque(Named(n))).ToArray();
        Assert.That(Corners(result), Is.EqualTo(expected));
    }

    [TestCase(30, 20, 30)]
    [TestCase(30, 20, 45)]
    [TestCase(17, 9, 10.5)]
    [TestCase(50, 10, 359.9)]
    [TestCase(1, 1, 45)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: an arbitrary rotation yields the tight bounding box the plan computed, no margin.")]
    public void Apply_ArbitraryRotation_OutputIsPlannedBoundingBox(int width, int height, decimal degrees)
    {
        var plan = RenderPlanBuilder.ForImage(width, height).Rotated(degrees).Build();

        using var result = TestAppliers.Create().Apply(Quadrants(width, height), plan);

        Assert.That(result.Size(), Is.EqualTo(new Size(plan.OutputSize.Width, plan.OutputSize.Height)));
    }

    [TestCase(ImageFormat.Png)]
    [TestCase(ImageFormat.Webp)]
    [TestCase(ImageFormat.Gif)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: corners of an arbitrary rotation are transparent in formats with alpha.")]
    public void Apply_ArbitraryRotationToAlphaFormat_CornersTransparentCentreOpaque(ImageFormat format)
    {
        var plan = RenderPlanBuilder.ForImage(40, 40).Rotated(45).As(format).Build();

        using var result = TestAppliers.Create().Apply(Solid(40, 40, Red), plan);

        Assert.That(result, Is.InstanceOf<Image<Rgba32>>());
        Assert.That(Corners(result).Select(c => c.A), Is.All.EqualTo(0));
        var centre = ((Image<Rgba32>)result)[result.Width / 2, result.Height / 2];
        Assert.That(centre, Is.EqualTo(Opaque(Red)));
    }

    [TestCase(ImageFormat.Jpg)]
    [TestCase(ImageFormat.Pdf)]
    [TestCase(ImageFormat.Jp2)]
    [TestCase(ImageFormat.Tif)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation (ours): corners are white in formats without alpha (tif: ImageSharp 2.1.13 writes no alpha).")]
    public void Apply_ArbitraryRotationToOpaqueFormat_CornersWhite(ImageFormat format)
    {
        var plan = RenderPlanBuilder.ForImage(40, 40).Rotated(45).As(format).Build();

        using var result = TestAppliers.Create().Apply(Solid(40, 40, Red), plan);

        Assert.That(result, Is.InstanceOf<Image<Rgb24>>());
        Assert.That(Corners(result), Is.All.EqualTo(Opaque(White)));
        Assert.That(((Image<Rgb24>)result)[20, 20], Is.EqualTo(Red));
    }

    [TestCase(ImageFormat.Png, true)]
    [TestCase(ImageFormat.Jpg, false)]
    [Description("https://iiif.io/api/image/3.0/#44-quality: a gray source stays one channel through an arbitrary rotation.")]
    public void Apply_ArbitraryRotationOfGraySource_StaysGray(ImageFormat format, bool expectAlpha)
    {
        var plan = RenderPlanBuilder.ForImage(20, 10).Rotated(30).As(format).Build();

        using var result = TestAppliers.Create().Apply(Solid(20, 10, new L8(90)), plan);

        Assert.That(result, expectAlpha ? Is.InstanceOf<Image<La16>>() : Is.InstanceOf<Image<L8>>());
        Assert.That(Corners(result)[0], Is.EqualTo(expectAlpha ? new Rgba32(0, 0, 0, 0) : Opaque(White)));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#46-order-of-implementation: the region is decoded at a reduction; the rest of the size step is a resample.")]
    public void Apply_ReducedDecode_ResizesFromDecodedSize()
    {
        var plan = RenderPlanBuilder.ForRegion(0, 0, 81, 41).ReducedBy(2).ScaledTo(15, 8).Build();
        Assert.That(plan.DecodedSize, Is.EqualTo(new Iiif.Core.Geometry.PixelSize(21, 11)));

        using var result = TestAppliers.Create().Apply(Quadrants(21, 11), plan);

        Assert.That(result.Size(), Is.EqualTo(new Size(15, 8)));
    }

    [Test]
    public void Apply_DecodedImageOfWrongSize_Throws()
    {
        var plan = RenderPlanBuilder.ForImage(40, 20).Build();

        Assert.Throws<ArgumentException>(() => TestAppliers.Create().Apply(Quadrants(39, 20), plan));
    }

    [Test]
    public void Apply_PlanWhoseOutputIgnoresRotation_Throws()
    {
        var plan = RenderPlanBuilder.ForImage(40, 20).Rotated(90).WithOutputSize(40, 20).Build();

        Assert.Throws<InvalidOperationException>(() => TestAppliers.Create().Apply(Quadrants(40, 20), plan));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#41-region: the region is cut from a fully decoded image before the size step.")]
    public void ApplyToFullImage_Region_CropsThenScales()
    {
        var plan = RenderPlanBuilder.ForRegion(20, 0, 20, 10).ScaledTo(10, 5).Build();

        using var result = TestAppliers.Create().ApplyToFullImage(Quadrants(40, 20), plan);

        Assert.That(result.Size(), Is.EqualTo(new Size(10, 5)));
        Assert.That(Pixels(result), Is.All.EqualTo(Opaque(Green)));
    }

    [Test]
    public void ApplyToFullImage_RegionOutsideImage_Throws()
    {
        var plan = RenderPlanBuilder.ForRegion(30, 0, 20, 10).Build();

        Assert.Throws<ArgumentException>(() => TestAppliers.Create().ApplyToFullImage(Quadrants(40, 20), plan));
    }

    [Test]
    [Description("The resampler is configurable: nearest neighbour never blends the quadrant colours.")]
    public void Apply_NearestNeighborResampler_KeepsOnlySourceColours()
    {
        var plan = RenderPlanBuilder.ForImage(40, 20).ScaledTo(17, 9).Build();

        using var nearest = TestAppliers.Create(Iiif.Imaging.Transforms.ResizeResampler.NearestNeighbor)
            .Apply(Quadrants(40, 20), plan);
        using var bicubic = TestAppliers.Create().Apply(Quadrants(40, 20), plan);

        var sourceColours = new[] { Red, Green, Blue, Yellow }.Select(c => Opaque(c)).ToArray();
        Assert.That(Pixels(nearest), Is.All.AnyOf(sourceColours.Cast<object>().ToArray()));
        Assert.That(Pixels(bicubic).Except(sourceColours), Is.Not.Empty);
    }
}

using Iiif.Imaging.Jpeg;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Jpeg;

/// <summary>The lossless crop of a complete JPEG to its top-left part (TurboJPEG's transform), and its refusals.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class JpegTileCropperTests
{
    [Test]
    [Description("Full chroma: the crop decodes to exactly the whole image's top-left pixels.")]
    public void CropTopLeft_FullChroma_SamePixelsAsTheWholeImage()
    {
        using var picture = SyntheticImages.Rgb(256, 256);
        var whole = JpegTestFiles.Turbo(picture, quality: 95);
        using var wholeImage = Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(whole);

        var cropped = JpegTileCropper.CropTopLeft(whole, 77, 130);
        using var image = Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(cropped);

        Assert.Multiple(() =>
        {
            Assert.That((image.Width, image.Height), Is.EqualTo((77, 130)));
            Assert.That(PixelData.Of(image).MaxError(PixelData.Of(wholeImage, new(0, 0, 77, 130))), Is.Zero);
            Assert.That(JpegTileCropper.CropTopLeft(whole, 77, 130), Is.EqualTo(cropped), "the same bytes every time");
        });
    }

    [TestCase(0, Description = "empty")]
    [TestCase(40, Description = "cut inside the headers")]
    [TestCase(-200, Description = "cut inside the entropy-coded data")]
    public void CropTopLeft_DamagedJpeg_ReturnsNull(int keep)
    {
        using var picture = SyntheticImages.Rgb(256, 256);
        var whole = JpegTestFiles.Turbo(picture, quality: 95);
        var damaged = whole.AsSpan(0, keep >= 0 ? keep : whole.Length + keep).ToArray();

        Assert.That(JpegTileCropper.CropTopLeft(damaged, 100, 100), Is.Null);
    }

    [Test]
    public void CropTopLeft_RegionLargerThanTheImage_ReturnsNull()
    {
        using var picture = SyntheticImages.Rgb(64, 64);

        Assert.That(JpegTileCropper.CropTopLeft(JpegTestFiles.Turbo(picture), 65, 64), Is.Null);
    }
}

using Iiif.Core.Requests;
using Iiif.Tests.Imaging.Transforms;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Encoding;

/// <summary>Transform then encode then decode: what a client actually receives.</summary>
[TestFixture]
public class EncodedTransformTests
{
    [TestCase(ImageFormat.Png)]
    [TestCase(ImageFormat.Gif)]
    [TestCase(ImageFormat.Webp)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: transparent corners survive encoding in formats with alpha.")]
    public async Task ArbitraryRotation_AlphaFormat_DecodedCornersTransparent(ImageFormat format)
    {
        var plan = RenderPlanBuilder.ForImage(40, 40).Rotated(30).As(format).Build();
        using var transformed = TestAppliers.Create().Apply(Solid(40, 40, Red), plan);

        using var encoded = await TestCatalogs.EncodeAsync(TestCatalogs.Create(), transformed, format);

        using var decoded = Image.Load<Rgba32>(TestConfiguration, encoded);
        Assert.That(decoded.Size(), Is.EqualTo(new Size(plan.OutputSize.Width, plan.OutputSize.Height)));
        Assert.That(Corners(decoded).Select(c => c.A), Is.All.EqualTo(0));
    }

    [TestCase(ImageFormat.Jpg)]
    [TestCase(ImageFormat.Tif)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation (ours): corners are white in formats without alpha, after encoding too (jpg: near white, lossy).")]
    public async Task ArbitraryRotation_OpaqueFormat_DecodedCornersWhite(ImageFormat format)
    {
        var plan = RenderPlanBuilder.ForImage(40, 40).Rotated(30).As(format).Build();
        using var transformed = TestAppliers.Create().Apply(Solid(40, 40, Red), plan);

        using var encoded = await TestCatalogs.EncodeAsync(TestCatalogs.Create(), transformed, format);

        using var decoded = Image.Load<Rgba32>(TestConfiguration, encoded);
        Assert.That(Corners(decoded).Select(c => Math.Min(c.R, Math.Min(c.G, c.B))), Is.All.GreaterThanOrEqualTo(230));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#44-quality: lossless bitonal output decodes to pure black and white.")]
    public async Task Bitonal_Png_DecodesToBlackAndWhiteOnly()
    {
        var plan = RenderPlanBuilder.ForImage(64, 16).ScaledTo(30, 8).WithQuality(ImageQuality.Bitonal).Build();
        using var transformed = TestAppliers.Create().Apply(HorizontalGradient(64, 16), plan);

        using var encoded = await TestCatalogs.EncodeAsync(TestCatalogs.Create(), transformed, ImageFormat.Png);

        using var decoded = Image.Load<Rgba32>(TestConfiguration, encoded);
        Assert.That(Pixels(decoded).Select(p => p.R).Distinct(), Is.EquivalentTo(new byte[] { 0, 255 }));
    }
}

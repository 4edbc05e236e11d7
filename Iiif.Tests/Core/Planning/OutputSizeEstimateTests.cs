using Iiif.Core.Geometry;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Planning;

/// <summary>ServerLimits.MaxOutputBytes: an output whose encoded size could exceed the cap is a 400 at planning time,
/// before any pixel is decoded; the estimate follows the format and the quality.</summary>
[TestFixture]
public class OutputSizeEstimateTests
{
    private static readonly ServerLimits Capped = Plans.NoUpscaling with { MaxOutputBytes = 3_000_000 };

    [TestCase("full/max/0/default.png", 3_000_000, Description = "png: uncompressed, 3 samples")]
    [TestCase("full/max/0/gray.png", 1_000_000, Description = "gray: 1 sample")]
    [TestCase("full/max/0/bitonal.tif", 1_000_000)]
    [TestCase("full/max/0/default.tif", 3_000_000)]
    [TestCase("full/max/0/default.jpg", 1_000_000, Description = "lossy: a third of uncompressed")]
    [TestCase("full/max/0/default.webp", 1_000_000)]
    [TestCase("full/max/0/default.pdf", 1_000_000)]
    [TestCase("full/max/0/default.gif", 1_000_000, Description = "gif: one palette index a pixel")]
    public void Bytes_PerFormatAndQuality(string tail, long expected)
    {
        var request = RequestBuilder.Build(ApiVersion.V3, tail);

        Assert.That(OutputSizeEstimate.Bytes(new PixelSize(1000, 1000), request.Format, request.Quality, 0m), Is.EqualTo(expected));
    }

    [Test]
    [Description("An arbitrary rotation adds an alpha channel to png and webp (transparent corners).")]
    public void Bytes_ArbitraryRotationPng_CountsAlpha() =>
        Assert.That(OutputSizeEstimate.Bytes(new PixelSize(100, 100), ImageFormat.Png, ImageQuality.Color, 33.3m), Is.EqualTo(40_000));

    [TestCase("full/max/0/default.png", 200, Description = "exactly the cap")]
    [TestCase("full/1001,/0/default.png", 400, Description = "one column over")]
    [TestCase("full/1001,/0/default.jpg", 200)]
    [TestCase("full/max/90/default.png", 200)]
    [TestCase("full/max/45/default.png", 400, Description = "rotated bounding box with alpha")]
    public void Plan_OverOutputCap_Is400(string tail, int status)
    {
        var limits = Capped with { AllowUpscaling = true, MaxWidth = 5000 };

        Assert.That(Plans.V3(tail.Replace("1001,", "^1001,", StringComparison.Ordinal), limits: limits).Status(), Is.EqualTo(status));
    }

    [Test]
    public void Plan_OverOutputCap_MessageNamesSizeFormatAndCap()
    {
        var error = Plans.V3("full/max/0/default.tif", Plans.Image(3000, 2000), Capped).Error;

        Assert.That(error.Message, Does.Contain("3000x2000 tif may need up to 18 MB, more than the server's 3 MB limit"));
    }
}

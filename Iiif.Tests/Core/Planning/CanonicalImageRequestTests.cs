using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Planning;

[TestFixture]
public class CanonicalImageRequestTests
{
    [TestCase("full/600,/0/default.jpg")]
    [TestCase("full/pct:60/0/default.jpg")]
    [TestCase("full/!600,600/0/default.jpg")]
    [TestCase("0,0,1000,800/600,480/0/default.jpg")]
    [TestCase("pct:0,0,100,100/,480/360/default.jpg")]
    [TestCase("0,0,5000,5000/!600,2000/0.000/default.jpg")]
    [Description("https://iiif.io/api/image/2.1/#47-canonical-uri-syntax (2.1): equivalent requests on 1000x800 share one canonical form: full region, w, size.")]
    public void Format_V2EquivalentRequests_GiveOneCanonicalForm(string tail)
    {
        Assert.That(Canonical(ApiVersion.V2, tail, Plans.Landscape1000x800), Is.EqualTo("full/600,/0/default.jpg"));
    }

    [TestCase("full/600,/0/default.jpg")]
    [TestCase("full/pct:60/0/default.jpg")]
    [TestCase("full/!600,600/0/default.jpg")]
    [TestCase("0,0,1000,800/600,480/0/default.jpg")]
    [TestCase("full/^600,/0/default.jpg")]
    [TestCase("pct:0,0,100,100/,480/360/default.jpg")]
    [Description("https://iiif.io/api/image/3.0/#48-canonical-uri-syntax (3.0): the same equivalent requests give one canonical form: full region, w,h size.")]
    public void Format_V3EquivalentRequests_GiveOneCanonicalForm(string tail)
    {
        Assert.That(Canonical(ApiVersion.V3, tail, Plans.Landscape1000x800), Is.EqualTo("full/600,480/0/default.jpg"));
    }

    [Test]
    [Description("Canonical form example (https://iiif.io/api/image/3.0/#48-canonical-uri-syntax): 3.0, 1000x800, pct:10,10,50,50/,200/90.0/default.png is 100,80,500,400/250,200/90/default.png.")]
    public void Format_SpecExample_MatchesItsCanonicalForm()
    {
        Assert.That(Canonical(ApiVersion.V3, "pct:10,10,50,50/,200/90.0/default.png", Plans.Landscape1000x800),
            Is.EqualTo("100,80,500,400/250,200/90/default.png"));
    }

    [TestCase("full/full/0/default.jpg", "full/full/0/default.jpg")]
    [TestCase("full/max/0/default.jpg", "full/full/0/default.jpg")]
    [TestCase("full/1000,/0/default.jpg", "full/full/0/default.jpg")]
    [TestCase("full/pct:100/0/default.jpg", "full/full/0/default.jpg")]
    [TestCase("full/!5000,5000/0/default.jpg", "full/full/0/default.jpg")]
    [TestCase("square/max/0/default.jpg", "full/full/0/default.jpg")]
    [TestCase("full/400,700/0/default.jpg", "full/400,700/0/default.jpg")]
    [TestCase("full/500,499/0/default.jpg", "full/500,499/0/default.jpg")]
    [TestCase("full/,500/0/default.jpg", "full/500,/0/default.jpg")]
    [TestCase("900,900,200,200/full/0/default.jpg", "900,900,100,100/full/0/default.jpg")]
    [TestCase("pct:10,20,30,40/pct:50/0/default.jpg", "100,200,300,400/150,/0/default.jpg")]
    [Description("https://iiif.io/api/image/2.1/#47-canonical-uri-syntax (2.1): full when unscaled (max = full when no limit binds; square on a square image is full); " +
        "w, when aspect-preserving; w,h only when distorting; regions as clipped pixels.")]
    public void Format_V2Forms_FollowTheCanonicalRules(string tail, string expected)
    {
        Assert.That(Canonical(ApiVersion.V2, tail, Plans.Square1000), Is.EqualTo(expected));
    }

    [TestCase("full/max/0/default.jpg")]
    [TestCase("full/500,/0/default.jpg")]
    [TestCase("full/!500,800/0/default.jpg")]
    [TestCase("full/pct:50/0/default.jpg")]
    [Description("https://iiif.io/api/image/2.1/#47-canonical-uri-syntax (2.1): a request equal to max that is not full size is written w,.")]
    public void Format_V2MaxBelowRegion_IsWrittenWidthComma(string tail)
    {
        var limits = new ServerLimits(500, null, null, false, null);
        Assert.That(Canonical(ApiVersion.V2, tail, Plans.Square1000, limits), Is.EqualTo("full/500,/0/default.jpg"));
    }

    [TestCase("full/max/0/default.jpg", "full/max/0/default.jpg")]
    [TestCase("full/1000,/0/default.jpg", "full/max/0/default.jpg")]
    [TestCase("full/!1000,1000/0/default.jpg", "full/max/0/default.jpg")]
    [TestCase("full/pct:100/0/default.jpg", "full/max/0/default.jpg")]
    [TestCase("full/^max/0/default.jpg", "full/max/0/default.jpg")]
    [TestCase("square/max/0/default.jpg", "full/max/0/default.jpg")]
    [TestCase("full/500,/0/default.jpg", "full/500,500/0/default.jpg")]
    [TestCase("full/^pct:50/0/default.jpg", "full/500,500/0/default.jpg")]
    [TestCase("full/^1200,/0/default.jpg", "full/^1200,1200/0/default.jpg")]
    [TestCase("full/^1000,1200/0/default.jpg", "full/^1000,1200/0/default.jpg")]
    [TestCase("10,10,300,200/max/0/default.jpg", "10,10,300,200/max/0/default.jpg")]
    [TestCase("10,10,300,200/^pct:200/0/default.jpg", "10,10,300,200/^600,400/0/default.jpg")]
    [Description("https://iiif.io/api/image/3.0/#48-canonical-uri-syntax (3.0): max for the unscaled maximum; else w,h, with ^ when upscaling.")]
    public void Format_V3Forms_FollowTheCanonicalRules(string tail, string expected)
    {
        Assert.That(Canonical(ApiVersion.V3, tail, Plans.Square1000, Plans.Upscaling), Is.EqualTo(expected));
    }

    [TestCase("full/^max/0/default.jpg", "full/^max/0/default.jpg")]
    [TestCase("full/^2000,2000/0/default.jpg", "full/^max/0/default.jpg")]
    [TestCase("full/^!3000,2000/0/default.jpg", "full/^max/0/default.jpg")]
    [TestCase("full/^1500,/0/default.jpg", "full/^1500,1500/0/default.jpg")]
    [TestCase("full/max/0/default.jpg", "full/max/0/default.jpg")]
    [Description("https://iiif.io/api/image/3.0/#48-canonical-uri-syntax (3.0): ^max for the upscaled maximum (here maxWidth 2000), however it was asked for.")]
    public void Format_V3UpscaledMaximum_IsCaretMax(string tail, string expected)
    {
        var limits = new ServerLimits(2000, null, null, true, null);
        Assert.That(Canonical(ApiVersion.V3, tail, Plans.Square1000, limits), Is.EqualTo(expected));
    }

    [TestCase("full/max/0/default.jpg")]
    [TestCase("full/^max/0/default.jpg")]
    [TestCase("full/500,/0/default.jpg")]
    [TestCase("full/!800,500/0/default.jpg")]
    [Description("https://iiif.io/api/image/3.0/#48-canonical-uri-syntax (3.0): when the limits hold max below the region, max (and ^max, which equals it) is written max.")]
    public void Format_V3MaxHeldByLimits_IsMax(string tail)
    {
        var limits = new ServerLimits(500, null, null, true, null);
        Assert.That(Canonical(ApiVersion.V3, tail, Plans.Square1000, limits), Is.EqualTo("full/max/0/default.jpg"));
    }

    [TestCase("22.5", "22.5")]
    [TestCase("22.50", "22.5")]
    [TestCase("0.5", "0.5")]
    [TestCase("0.125", "0.125")]
    [TestCase("90.0", "90")]
    [TestCase("180.000", "180")]
    [TestCase("360", "0")]
    [TestCase("!0", "!0")]
    [TestCase("!360", "!0")]
    [TestCase("!22.50", "!22.5")]
    [TestCase("!0.5", "!0.5")]
    [TestCase("359.9999999999", "359.9999999999")]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values and https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: rotation is an optional !, then an integer if whole, else a decimal with a leading 0 " +
        "below 1 and no trailing zeros (invariant culture); 360 is written 0.")]
    public void Format_Rotation_IsShortestDecimal(string rotation, string expected)
    {
        foreach (var version in new[] { ApiVersion.V2, ApiVersion.V3 })
        {
            var canonical = Canonical(version, $"full/max/{rotation}/default.jpg", Plans.Square1000);
            Assert.That(canonical.Split('/')[2], Is.EqualTo(expected), version.ToString());
        }
    }

    [TestCase("default.jpg")]
    [TestCase("color.png")]
    [TestCase("gray.webp")]
    [TestCase("bitonal.tif")]
    [TestCase("default.gif")]
    [TestCase("gray.jp2")]
    [TestCase("color.pdf")]
    [Description("https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: the quality is written as requested (default stays default) and the format is always explicit.")]
    public void Format_QualityAndFormat_AreWrittenAsRequested(string qualityFormat)
    {
        Assert.That(Canonical(ApiVersion.V3, $"full/max/0/{qualityFormat}", Plans.Square1000), Is.EqualTo($"full/max/0/{qualityFormat}"));
    }

    [TestCase("https://images.example.org/iiif/3/abc")]
    [TestCase("https://images.example.org/iiif/3/abc/")]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax and https://iiif.io/api/image/3.0/#48-canonical-uri-syntax: the canonical URI is the base URI, a slash, then the canonical parameters.")]
    public void Format_WithBaseUri_JoinsWithOneSlash(string baseUri)
    {
        var plan = Plans.V3("full/max/0/default.jpg").Ok();
        Assert.That(CanonicalImageRequest.Format(plan, baseUri), Is.EqualTo("https://images.example.org/iiif/3/abc/full/max/0/default.jpg"));
    }

    [Test]
    [Description("Public boundary guards.")]
    public void Format_NullArguments_Throw()
    {
        var plan = Plans.V3("full/max/0/default.jpg").Ok();
        Assert.Multiple(() =>
        {
            Assert.That(() => CanonicalImageRequest.Format(null!), Throws.ArgumentNullException);
            Assert.That(() => CanonicalImageRequest.Format(plan, null!), Throws.ArgumentNullException);
        });
    }

    internal static string Canonical(ApiVersion version, string tail, Iiif.Core.Info.ImageInfo info, ServerLimits? limits = null) =>
        CanonicalImageRequest.Format(Plans.Plan(version, tail, info, limits).Ok());
}

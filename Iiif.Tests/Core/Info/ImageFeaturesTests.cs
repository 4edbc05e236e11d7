using Iiif.Core.Info;
using Iiif.Core.Requests;
using static Iiif.Tests.Core.Info.InfoTestImages;

namespace Iiif.Tests.Core.Info;

[TestFixture]
public class ImageFeaturesTests
{
    private static readonly string[] V2Level2Features =
    [
        "baseUriRedirect", "cors", "jsonldMediaType", "regionByPct", "regionByPx", "rotationBy90s", "sizeByConfinedWh",
        "sizeByDistortedWh", "sizeByForcedWh", "sizeByH", "sizeByPct", "sizeByW", "sizeByWh", "sizeByWhListed",
    ];

    private static readonly string[] V3Level2Features =
    [
        "baseUriRedirect", "cors", "jsonldMediaType", "regionByPct", "regionByPx", "regionSquare", "rotationBy90s",
        "sizeByConfinedWh", "sizeByH", "sizeByPct", "sizeByW", "sizeByWh",
    ];

    [Test]
    [Description("https://iiif.io/api/image/3.0/compliance/ level documents: 2.1 level2.json features are L0 + L1 + L2 additions")]
    public void Level2_V2_MatchesLevelDocument()
    {
        Assert.That(ComplianceLevels.V2Level2.Features, Is.EquivalentTo(V2Level2Features));
        Assert.That(ComplianceLevels.V2Level2.Formats, Is.EqualTo(new[] { "jpg", "png" }));
        Assert.That(ComplianceLevels.V2Level2.Qualities, Is.EqualTo(new[] { "default", "bitonal" }));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/compliance/ level documents: 3.0 level2.json features are L1 + L2 additions; qualities only default")]
    public void Level2_V3_MatchesLevelDocument()
    {
        Assert.That(ComplianceLevels.V3Level2.Features, Is.EquivalentTo(V3Level2Features));
        Assert.That(ComplianceLevels.V3Level2.Formats, Is.EqualTo(new[] { "jpg", "png" }));
        Assert.That(ComplianceLevels.V3Level2.Qualities, Is.EqualTo(new[] { "default" }));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/compliance/: each level includes the one below")]
    public void Levels_AreCumulative()
    {
        Assert.That(ComplianceLevels.V2Level1.Features, Is.SupersetOf(ComplianceLevels.V2Level0.Features));
        Assert.That(ComplianceLevels.V2Level2.Features, Is.SupersetOf(ComplianceLevels.V2Level1.Features));
        Assert.That(ComplianceLevels.V3Level2.Features, Is.SupersetOf(ComplianceLevels.V3Level1.Features));
    }

    [TestCase(false, new[] { "canonicalLinkHeader", "mirroring", "profileLinkHeader", "regionSquare", "rotationArbitrary" })]
    [TestCase(true, new[] { "canonicalLinkHeader", "mirroring", "profileLinkHeader", "regionSquare", "rotationArbitrary", "sizeAboveFull" })]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties supports: features beyond 2.1 level 2; regionSquare is optional at 2.1 L2; sizeAboveFull only with upscaling")]
    public void ExtraFeatures_V2_BeyondLevel2(bool upscaling, string[] expected)
    {
        Assert.That(ImageFeatures.ExtraFeatures(ApiVersion.V2, Limits(upscaling: upscaling)), Is.EqualTo(expected));
    }

    [TestCase(false, new[] { "canonicalLinkHeader", "mirroring", "profileLinkHeader", "rotationArbitrary" })]
    [TestCase(true, new[] { "canonicalLinkHeader", "mirroring", "profileLinkHeader", "rotationArbitrary", "sizeUpscaling" })]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties extraFeatures: beyond 3.0 level 2, which already has regionSquare; sizeUpscaling only with upscaling")]
    public void ExtraFeatures_V3_BeyondLevel2(bool upscaling, string[] expected)
    {
        Assert.That(ImageFeatures.ExtraFeatures(ApiVersion.V3, Limits(maxWidth: 5000, upscaling: upscaling)), Is.EqualTo(expected));
    }

    [TestCase(ApiVersion.V2)]
    [TestCase(ApiVersion.V3)]
    [Description("https://iiif.io/api/image/3.0/compliance/: everything above the level is listed, and nothing the level already includes")]
    public void ExtraFeatures_NeverRepeatLevel2_AndFeaturesCoverIt(ApiVersion version)
    {
        var limits = Limits(maxWidth: 5000, upscaling: true);
        var level = ComplianceLevels.Level2(version).Features;
        Assert.That(ImageFeatures.ExtraFeatures(version, limits), Has.None.AnyOf(level.ToArray()));
        Assert.That(ImageFeatures.Features(version, limits), Is.SupersetOf(level));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#57-extra-functionality: sizeAboveFull/sizeByDistortedWh/sizeByForcedWh/sizeByWhListed are gone in 3.0; sizeUpscaling is 3.0 only")]
    public void Features_VersionSpecificNames_OnlyInTheirVersion()
    {
        var limits = Limits(maxWidth: 5000, upscaling: true);
        Assert.That(ImageFeatures.Features(ApiVersion.V3, limits),
            Has.None.AnyOf("sizeAboveFull", "sizeByDistortedWh", "sizeByForcedWh", "sizeByWhListed"));
        Assert.That(ImageFeatures.Features(ApiVersion.V2, limits), Has.None.EqualTo("sizeUpscaling"));
    }

    [TestCase(ApiVersion.V2)]
    [TestCase(ApiVersion.V3)]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties formats / https://iiif.io/api/image/3.0/#52-technical-properties extraFormats: every format beyond jpg and png (level 2 in both versions)")]
    public void ExtraFormats_BothVersions_BeyondJpgPng(ApiVersion version)
    {
        Assert.That(ImageFeatures.ExtraFormats(version), Is.EqualTo(new[] { "gif", "webp", "tif", "jp2", "pdf" }));
    }

    [TestCase(ApiVersion.V2, false, new[] { "color", "gray" })]
    [TestCase(ApiVersion.V2, true, new[] { "gray" })]
    [TestCase(ApiVersion.V3, false, new[] { "color", "gray", "bitonal" })]
    [TestCase(ApiVersion.V3, true, new[] { "gray", "bitonal" })]
    [Description("https://iiif.io/api/image/3.0/compliance/: color/gray required at L2 where meaningful (no color for grayscale); bitonal is in 2.1 L2, extra in 3.0")]
    public void ExtraQualities_ByVersionAndColour(ApiVersion version, bool grayscale, string[] expected)
    {
        Assert.That(ImageFeatures.ExtraQualities(version, Large with { IsGrayscale = grayscale }), Is.EqualTo(expected));
    }
}

using Iiif.Core.Info;
using Iiif.Core.Planning;
using static Iiif.Tests.Core.Info.InfoTestImages;

namespace Iiif.Tests.Core.Info;

/// <summary>The <see cref="InfoOptions.Level0"/> claim of a static export: level 0 and nothing beyond it.</summary>
[TestFixture]
public class InfoDocumentLevel0Tests
{
    private static InfoOptions Level0(ServerLimits limits) => Options(limits) with { Level0 = true };

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties, https://iiif.io/api/image/3.0/compliance/: a 3.0 static export claims level0 and declares no extra qualities, formats or features")]
    public void BuildV3_Level0_ClaimsLevel0WithoutExtras()
    {
        var document = InfoDocumentV3Builder.Build(Large, Level0(ServerLimits.Unlimited));

        Assert.Multiple(() =>
        {
            Assert.That((string?)document["profile"], Is.EqualTo("level0"));
            Assert.That(Keys(document), Has.None.StartsWith("extra"));
            Assert.That(SizeStrings(document["sizes"]), Is.EqualTo(LargeSizes));
            Assert.That(document["tiles"], Is.Not.Null);
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties: the level 2 claim stays the default")]
    public void BuildV3_Default_ClaimsLevel2WithExtras()
    {
        var document = InfoDocumentV3Builder.Build(Large, Options(ServerLimits.Unlimited));

        Assert.That((string?)document["profile"], Is.EqualTo("level2"));
        Assert.That(Keys(document), Does.Contain("extraFeatures"));
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties, https://iiif.io/api/image/3.0/compliance/: a 2.1 static export's profile is the level0 URI alone when there are no limits")]
    public void BuildV2_Level0NoLimits_ProfileIsLevel0UriOnly()
    {
        var document = InfoDocumentV2Builder.Build(Large, Level0(ServerLimits.Unlimited));

        var profile = document["profile"]!.AsArray();
        Assert.That(profile.Select(p => p!.ToJsonString()), Is.EqualTo(new[] { "\"http://iiif.io/api/image/2/level0.json\"" }));
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties: limits stay in the 2.1 profile object; formats, qualities and supports do not appear at level 0")]
    public void BuildV2_Level0WithLimits_ProfileObjectHoldsOnlyLimits()
    {
        var document = InfoDocumentV2Builder.Build(Large, Level0(Limits(maxWidth: 4000)));

        var profile = document["profile"]!.AsArray();
        Assert.That((string?)profile[0], Is.EqualTo(IiifProfiles.Level0V2));
        Assert.That(Keys(profile[1]!.AsObject()), Is.EqualTo(new[] { "maxWidth" }));
    }
}

using Iiif.Core.Info;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Info;

[TestFixture]
public class IiifContextsTests
{
    [Test]
    [Description("https://iiif.io/api/image/3.0/#51-image-information-request: the 3.0 default info.json type is ld+json with the 3.0 context as profile")]
    public void JsonLdV3MediaType_CarriesContextProfile()
    {
        Assert.That(IiifContexts.JsonLdV3MediaType,
            Is.EqualTo("application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\""));
    }

    [TestCase(ApiVersion.V2, "http://iiif.io/api/image/2/context.json")]
    [TestCase(ApiVersion.V3, "http://iiif.io/api/image/3/context.json")]
    [Description("https://iiif.io/api/image/3.0/change-log/: context URI per version")]
    public void Context_PerVersion(ApiVersion version, string expected)
    {
        Assert.That(IiifContexts.Context(version), Is.EqualTo(expected));
    }

    [TestCase(ApiVersion.V2, "<http://iiif.io/api/image/2/level2.json>;rel=\"profile\"")]
    [TestCase(ApiVersion.V3, "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"")]
    [Description("https://iiif.io/api/image/3.0/#6-compliance-level-and-profile-document profileLinkHeader: Link: <level URI>;rel=\"profile\"")]
    public void ProfileLinkHeader_PerVersion(ApiVersion version, string expected)
    {
        Assert.That(IiifProfiles.ProfileLinkHeader(version), Is.EqualTo(expected));
    }
}

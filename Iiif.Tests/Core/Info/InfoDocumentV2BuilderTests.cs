using System.Text.Json.Nodes;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using static Iiif.Tests.Core.Info.InfoTestImages;

namespace Iiif.Tests.Core.Info;

[TestFixture]
public class InfoDocumentV2BuilderTests
{
    private static JsonObject Build(ImageInfo info, ServerLimits limits) => InfoDocumentV2Builder.Build(info, Options(limits));

    private static JsonObject ProfileObject(JsonObject document) => document["profile"]![1]!.AsObject();

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties: required @context, @id (the base URI), protocol, width, height; @type iiif:Image")]
    public void Build_LargeImage_IdentityFields()
    {
        var document = Build(Large, ServerLimits.Unlimited);
        Assert.Multiple(() =>
        {
            Assert.That((string?)document["@context"], Is.EqualTo("http://iiif.io/api/image/2/context.json"));
            Assert.That((string?)document["@id"], Is.EqualTo("https://images.example.org/iiif/3/ms%2F42"));
            Assert.That((string?)document["@type"], Is.EqualTo("iiif:Image"));
            Assert.That((string?)document["protocol"], Is.EqualTo("http://iiif.io/api/image"));
            Assert.That((int?)document["width"], Is.EqualTo(7561));
            Assert.That((int?)document["height"], Is.EqualTo(5003));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties sizes and tiles: ceil-halved sizes smallest first; tile width only (height defaults to width)")]
    public void Build_LargeImage_SizesAndTiles()
    {
        var document = Build(Large, ServerLimits.Unlimited);
        var tile = document["tiles"]!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(SizeStrings(document["sizes"]), Is.EqualTo(LargeSizes));
            Assert.That(Keys(tile), Is.EqualTo(new[] { "width", "scaleFactors" }));
            Assert.That((int?)tile["width"], Is.EqualTo(1024));
            Assert.That(Ints(tile["scaleFactors"]), Is.EqualTo(new[] { 1, 2, 4, 8, 16, 32 }));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties profile: first the level2 URI, then one profile object with formats, qualities, supports beyond the level")]
    public void Build_LargeImage_Profile()
    {
        var document = Build(Large, ServerLimits.Unlimited);
        var profile = document["profile"]!.AsArray();
        var extras = ProfileObject(document);
        Assert.Multiple(() =>
        {
            Assert.That(profile, Has.Count.EqualTo(2));
            Assert.That((string?)profile[0], Is.EqualTo("http://iiif.io/api/image/2/level2.json"));
            Assert.That(Keys(extras), Is.EqualTo(new[] { "formats", "qualities", "supports" }));
            Assert.That(Strings(extras["formats"]), Is.EqualTo(new[] { "gif", "webp", "tif", "jp2", "pdf" }));
            Assert.That(Strings(extras["qualities"]), Is.EqualTo(new[] { "color", "gray" }));
            Assert.That(Strings(extras["supports"]), Is.EqualTo(new[]
                { "canonicalLinkHeader", "mirroring", "profileLinkHeader", "regionSquare", "rotationArbitrary" }));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties: @context first, then the spec's order; no passthrough keys unless configured")]
    public void Build_NoPassthrough_KeyOrder()
    {
        Assert.That(Keys(Build(Large, ServerLimits.Unlimited)), Is.EqualTo(new[]
            { "@context", "@id", "@type", "protocol", "width", "height", "sizes", "tiles", "profile" }));
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties profile object: maxWidth given, maxHeight absent (it equals maxWidth); sizes within the limits")]
    public void Build_MaxWidth_InProfileObjectAndSizesFiltered()
    {
        var document = Build(Large, Limits(maxWidth: 4000));
        var extras = ProfileObject(document);
        Assert.Multiple(() =>
        {
            Assert.That((int?)extras["maxWidth"], Is.EqualTo(4000));
            Assert.That(extras.ContainsKey("maxHeight"), Is.False);
            Assert.That(document.ContainsKey("maxWidth"), Is.False, "2.1 keeps limits in the profile object");
            Assert.That(SizeStrings(document["sizes"]), Is.EqualTo(LargeSizes[..5]));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties profile object: maxWidth, maxHeight, maxArea in that order after supports")]
    public void Build_AllLimits_InProfileObjectInOrder()
    {
        var extras = ProfileObject(Build(Large, Limits(4000, 3000, 9_000_000)));
        Assert.That(Keys(extras), Is.EqualTo(new[] { "formats", "qualities", "supports", "maxWidth", "maxHeight", "maxArea" }));
        Assert.That((long?)extras["maxArea"], Is.EqualTo(9_000_000L));
        Assert.That((int?)extras["maxHeight"], Is.EqualTo(3000));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/compliance/: color only where meaningful: a grayscale source lists gray alone")]
    public void Build_Grayscale_NoColor()
    {
        Assert.That(Strings(ProfileObject(Build(LargeGray, ServerLimits.Unlimited))["qualities"]), Is.EqualTo(new[] { "gray" }));
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#42-size: scaling above the region is the optional sizeAboveFull; 2.1 does not require a limit with it")]
    public void Build_Upscaling_SupportsSizeAboveFull()
    {
        var supports = Strings(ProfileObject(Build(Large, Limits(upscaling: true)))["supports"]);
        Assert.That(supports, Does.Contain("sizeAboveFull"));
        Assert.That(supports, Has.None.EqualTo("sizeUpscaling"));
    }

    [Test]
    [Description("Untiled source: the configured default tile size; levels until one tile covers the image")]
    public void Build_UntiledSource_DefaultTileSize()
    {
        var options = Options(ServerLimits.Unlimited) with { DefaultTileSize = 256 };
        var tile = InfoDocumentV2Builder.Build(LargeUntiled, options)["tiles"]![0]!;
        Assert.That((int?)tile["width"], Is.EqualTo(256));
        Assert.That(Ints(tile["scaleFactors"]), Is.EqualTo(new[] { 1, 2, 4, 8, 16, 32 }));
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties tiles: height is written when it differs from width")]
    public void Build_NonSquareTile_WritesHeight()
    {
        var tile = Build(Large with { NativeTileSize = new PixelSize(1024, 512) }, ServerLimits.Unlimited)["tiles"]![0]!.AsObject();
        Assert.That(Keys(tile), Is.EqualTo(new[] { "width", "height", "scaleFactors" }));
        Assert.That((int?)tile["height"], Is.EqualTo(512));
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties: attribution, license, logo, service after profile; 3.0-only rights/partOf/seeAlso never in 2.1")]
    public void Build_Passthrough_V2ValuesOnly()
    {
        var options = InfoDocumentV3BuilderTests.OptionsWithAllPassthrough();
        var document = InfoDocumentV2Builder.Build(Large, options);
        Assert.Multiple(() =>
        {
            Assert.That(Keys(document)[^5..], Is.EqualTo(new[] { "profile", "attribution", "license", "logo", "service" }));
            Assert.That(JsonNode.DeepEquals(document["attribution"], options.V2.Attribution), Is.True);
            Assert.That(JsonNode.DeepEquals(document["license"], options.V2.License), Is.True);
            Assert.That((string?)document["logo"], Is.EqualTo("https://example.org/logo.png"));
            Assert.That((string?)document["service"]!["@id"], Is.EqualTo("https://example.org/auth/login"));
            Assert.That(Keys(document), Has.None.AnyOf("rights", "partOf", "seeAlso", "preferredFormats"));
        });
    }

    [Test]
    [Description("Configured JSON values are copied, so one options instance serves every request")]
    public void Build_SameOptionsTwice_BothDocumentsCarryPassthrough()
    {
        var options = InfoDocumentV3BuilderTests.OptionsWithAllPassthrough();
        var first = InfoDocumentV2Builder.Build(Large, options);
        var second = InfoDocumentV2Builder.Build(Large, options);
        Assert.That(JsonNode.DeepEquals(first, second), Is.True);
        Assert.That(options.V2.License!.Parent, Is.Null);
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties example shape: exact compact JSON of a small untiled 1000x800 image with maxWidth 5000")]
    public void Build_SmallImage_ExactJson()
    {
        var json = InfoJson.Serialize(InfoDocumentV2Builder.Build(Small, new InfoOptions("https://example.org/iiif/2/abc", Limits(maxWidth: 5000))));
        const string expected = """
            {"@context":"http://iiif.io/api/image/2/context.json","@id":"https://example.org/iiif/2/abc","@type":"iiif:Image",
            "protocol":"http://iiif.io/api/image","width":1000,"height":800,
            "sizes":[{"width":250,"height":200},{"width":500,"height":400},{"width":1000,"height":800}],
            "tiles":[{"width":512,"scaleFactors":[1,2,4]}],"profile":["http://iiif.io/api/image/2/level2.json",
            {"formats":["gif","webp","tif","jp2","pdf"],"qualities":["color","gray"],
            "supports":["canonicalLinkHeader","mirroring","profileLinkHeader","regionSquare","rotationArbitrary"],"maxWidth":5000}]}
            """;
        Assert.That(json, Is.EqualTo(expected.ReplaceLineEndings(string.Empty)));
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties profile object: maxWidth is required if maxHeight is present")]
    public void Build_MaxHeightWithoutMaxWidth_Throws()
    {
        Assert.That(() => Build(Large, Limits(maxHeight: 2000)), Throws.ArgumentException);
    }

    [TestCase("https://example.org/iiif/2/abc/")]
    [TestCase("abc")]
    [TestCase("")]
    [Description("https://iiif.io/api/image/2.1/#52-technical-properties @id: the absolute base URI, no trailing slash")]
    public void Build_BadBaseUri_Throws(string baseUri)
    {
        Assert.That(() => InfoDocumentV2Builder.Build(Large, new InfoOptions(baseUri, ServerLimits.Unlimited)), Throws.ArgumentException);
    }
}

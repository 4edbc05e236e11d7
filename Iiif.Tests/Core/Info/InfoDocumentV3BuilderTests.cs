using System.Text.Json.Nodes;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using static Iiif.Tests.Core.Info.InfoTestImages;

namespace Iiif.Tests.Core.Info;

[TestFixture]
public class InfoDocumentV3BuilderTests
{
    /// <summary>Options with every passthrough value of both versions set.</summary>
    internal static InfoOptions OptionsWithAllPassthrough() => Options(Limits(maxWidth: 4000)) with
    {
        V2 = new InfoPassthroughV2
        {
            Attribution = JsonValue.Create("Provided by <b>Example Library</b>"),
            License = new JsonArray("https://creativecommons.org/licenses/by/4.0/"),
            Logo = JsonValue.Create("https://example.org/logo.png"),
            Service = new JsonObject { ["@id"] = "https://example.org/auth/login", ["profile"] = "http://iiif.io/api/auth/1/login" },
        },
        V3 = new InfoPassthroughV3
        {
            Rights = "http://creativecommons.org/licenses/by/4.0/",
            PreferredFormats = [ImageFormat.Webp, ImageFormat.Jpg],
            PartOf = [new JsonObject { ["id"] = "https://example.org/manifest/42", ["type"] = "Manifest" }],
            SeeAlso = [new JsonObject { ["id"] = "https://example.org/42.xml", ["type"] = "Dataset", ["format"] = "text/xml" }],
            Service = [new JsonObject { ["id"] = "https://example.org/auth/probe", ["type"] = "AuthProbeService2" }],
        },
    };

    private static JsonObject Build(ImageInfo info, ServerLimits limits) => InfoDocumentV3Builder.Build(info, Options(limits));

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties: @context, id (the base URI), type ImageService3, protocol, profile as a string, width, height")]
    public void Build_LargeImage_IdentityFields()
    {
        var document = Build(Large, ServerLimits.Unlimited);
        Assert.Multiple(() =>
        {
            Assert.That((string?)document["@context"], Is.EqualTo("http://iiif.io/api/image/3/context.json"));
            Assert.That((string?)document["id"], Is.EqualTo("https://images.example.org/iiif/3/ms%2F42"));
            Assert.That((string?)document["type"], Is.EqualTo("ImageService3"));
            Assert.That((string?)document["protocol"], Is.EqualTo("http://iiif.io/api/image"));
            Assert.That((string?)document["profile"], Is.EqualTo("level2"));
            Assert.That((int?)document["width"], Is.EqualTo(7561));
            Assert.That((int?)document["height"], Is.EqualTo(5003));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties sizes, tiles and extras for a colour JPEG 2000 with 6 levels and 1024 tiles")]
    public void Build_LargeImage_SizesTilesAndExtras()
    {
        var document = Build(Large, ServerLimits.Unlimited);
        var tile = document["tiles"]!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(SizeStrings(document["sizes"]), Is.EqualTo(LargeSizes));
            Assert.That(Keys(tile), Is.EqualTo(new[] { "width", "scaleFactors" }));
            Assert.That((int?)tile["width"], Is.EqualTo(1024));
            Assert.That(Ints(tile["scaleFactors"]), Is.EqualTo(new[] { 1, 2, 4, 8, 16, 32 }));
            Assert.That(Strings(document["extraQualities"]), Is.EqualTo(new[] { "color", "gray", "bitonal" }));
            Assert.That(Strings(document["extraFormats"]), Is.EqualTo(new[] { "gif", "webp", "tif", "jp2", "pdf" }));
            Assert.That(Strings(document["extraFeatures"]), Is.EqualTo(new[]
                { "canonicalLinkHeader", "mirroring", "profileLinkHeader", "rotationArbitrary" }));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties: @context first; keys in the spec's order; no optional key that is not configured")]
    public void Build_NoPassthrough_KeyOrder()
    {
        Assert.That(Keys(Build(Large, ServerLimits.Unlimited)), Is.EqualTo(new[]
        {
            "@context", "id", "type", "protocol", "profile", "width", "height", "sizes", "tiles",
            "extraQualities", "extraFormats", "extraFeatures",
        }));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties: every property in the spec's order when all are configured; never license/attribution/logo")]
    public void Build_AllPassthrough_KeyOrderWithoutV2Properties()
    {
        var options = OptionsWithAllPassthrough() with { Limits = Limits(4000, 3000, 9_000_000) };
        Assert.That(Keys(InfoDocumentV3Builder.Build(Large, options)), Is.EqualTo(new[]
        {
            "@context", "id", "type", "protocol", "profile", "width", "height", "maxWidth", "maxHeight", "maxArea",
            "sizes", "tiles", "preferredFormats", "rights", "extraQualities", "extraFormats", "extraFeatures",
            "partOf", "seeAlso", "service",
        }));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties: rights one URI; partOf, seeAlso, service arrays of objects copied as configured; preferredFormats")]
    public void Build_AllPassthrough_ValuesCopied()
    {
        var options = OptionsWithAllPassthrough();
        var document = InfoDocumentV3Builder.Build(Large, options);
        Assert.Multiple(() =>
        {
            Assert.That((string?)document["rights"], Is.EqualTo("http://creativecommons.org/licenses/by/4.0/"));
            Assert.That(Strings(document["preferredFormats"]), Is.EqualTo(new[] { "webp", "jpg" }));
            Assert.That(JsonNode.DeepEquals(document["partOf"], new JsonArray(options.V3.PartOf[0].DeepClone())), Is.True);
            Assert.That(JsonNode.DeepEquals(document["seeAlso"], new JsonArray(options.V3.SeeAlso[0].DeepClone())), Is.True);
            Assert.That((string?)document["service"]![0]!["type"], Is.EqualTo("AuthProbeService2"));
            Assert.That(Keys(document), Has.None.AnyOf("license", "attribution", "logo", "@id", "@type"));
        });
    }

    [Test]
    [Description("Configured JSON objects are copied, so one options instance serves every request")]
    public void Build_SameOptionsTwice_BothDocumentsCarryPassthrough()
    {
        var options = OptionsWithAllPassthrough();
        var first = InfoDocumentV3Builder.Build(Large, options);
        var second = InfoDocumentV3Builder.Build(Large, options);
        Assert.That(JsonNode.DeepEquals(first, second), Is.True);
        Assert.That(options.V3.Service[0].Parent, Is.Null);
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: limits at the top level; maxHeight absent when only maxWidth is given (it equals maxWidth)")]
    public void Build_MaxWidthOnly_TopLevelWithoutMaxHeight()
    {
        var document = Build(Large, Limits(maxWidth: 4000));
        Assert.Multiple(() =>
        {
            Assert.That((int?)document["maxWidth"], Is.EqualTo(4000));
            Assert.That(document.ContainsKey("maxHeight"), Is.False);
            Assert.That(document.ContainsKey("maxArea"), Is.False);
            Assert.That(SizeStrings(document["sizes"]), Is.EqualTo(LargeSizes[..5]));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: sizes and tiles MUST fall within the limits; maxArea 1,000,000 keeps sizes up to 946x626")]
    public void Build_MaxArea_SizesAndTileWithinLimits()
    {
        var document = Build(Large, Limits(maxArea: 1_000_000));
        Assert.That((long?)document["maxArea"], Is.EqualTo(1_000_000L));
        Assert.That(SizeStrings(document["sizes"]), Is.EqualTo(LargeSizes[..3]));
        var tile = document["tiles"]![0]!.AsObject();
        Assert.That((int?)tile["width"], Is.EqualTo(512), "1024x1024 = 1,048,576 > 1,000,000: halved to 512x512");
        Assert.That(tile.ContainsKey("height"), Is.False);
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/compliance/: color only where meaningful; a grayscale source lists gray and bitonal")]
    public void Build_Grayscale_NoColor()
    {
        Assert.That(Strings(Build(LargeGray, ServerLimits.Unlimited)["extraQualities"]), Is.EqualTo(new[] { "gray", "bitonal" }));
    }

    [TestCase(4000, null)]
    [TestCase(null, 16_000_000L)]
    [Description("https://iiif.io/api/image/3.0/#42-size: sizeUpscaling is declared with upscaling, which needs maxWidth or maxArea")]
    public void Build_UpscalingWithLimit_DeclaresSizeUpscaling(int? maxWidth, long? maxArea)
    {
        var features = Strings(Build(Large, Limits(maxWidth, maxArea: maxArea, upscaling: true))["extraFeatures"]);
        Assert.That(features, Does.Contain("sizeUpscaling"));
        Assert.That(features, Has.None.EqualTo("sizeAboveFull"));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: a server offering sizeUpscaling MUST declare maxWidth or maxArea")]
    public void Build_UpscalingWithoutLimit_Throws()
    {
        Assert.That(() => Build(Large, Limits(upscaling: true)), Throws.ArgumentException);
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#42-size: if maxHeight is given, maxWidth MUST also be given")]
    public void Build_MaxHeightWithoutMaxWidth_Throws()
    {
        Assert.That(() => Build(Large, Limits(maxHeight: 2000)), Throws.ArgumentException);
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties rights: one URI string")]
    public void Build_RightsNotAUri_Throws()
    {
        var options = Options(ServerLimits.Unlimited) with { V3 = new InfoPassthroughV3 { Rights = "CC BY 4.0" } };
        Assert.That(() => InfoDocumentV3Builder.Build(Large, options), Throws.ArgumentException);
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties example shape: exact compact JSON of a small untiled 1000x800 image with maxWidth 5000")]
    public void Build_SmallImage_ExactJson()
    {
        var json = InfoJson.Serialize(InfoDocumentV3Builder.Build(Small, new InfoOptions("https://example.org/iiif/3/abc", Limits(maxWidth: 5000))));
        const string expected = """
            {"@context":"http://iiif.io/api/image/3/context.json","id":"https://example.org/iiif/3/abc","type":"ImageService3",
            "protocol":"http://iiif.io/api/image","profile":"level2","width":1000,"height":800,"maxWidth":5000,
            "sizes":[{"width":250,"height":200},{"width":500,"height":400},{"width":1000,"height":800}],
            "tiles":[{"width":512,"scaleFactors":[1,2,4]}],"extraQualities":["color","gray","bitonal"],
            "extraFormats":["gif","webp","tif","jp2","pdf"],
            "extraFeatures":["canonicalLinkHeader","mirroring","profileLinkHeader","rotationArbitrary"]}
            """;
        Assert.That(json, Is.EqualTo(expected.ReplaceLineEndings(string.Empty)));
    }
}

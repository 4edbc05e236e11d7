using System.Globalization;
using Iiif.Core.Identifiers;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Requests;

[TestFixture]
public class ImageRequestParserTests
{
    private static readonly ImageIdentifier Id = new("67352ccc-d1b0-11e1-89ae-279075081939");

    [Test]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax: an image URI carries region, size, rotation and quality.format, all required, in this order.")]
    public void Parse_V3Request_ReturnsAllParameters()
    {
        var request = ParserAssert.Ok(ImageRequestParser.Parse(ApiVersion.V3, Id, "pct:10,10,50,50", "^!300,200", "!90.0", "gray.png"));
        var expected = new ImageRequest(
            ApiVersion.V3,
            Id,
            new RegionParameter(RegionKind.Percent, 10, 10, 50, 50),
            new SizeParameter(SizeKind.BestFit, 300, 200, 0, true),
            new RotationParameter(90, true),
            ImageQuality.Gray,
            ImageFormat.Png);
        Assert.That(request, Is.EqualTo(expected));
    }

    [Test]
    [Description("https://iiif.io/api/image/2.1/#42-size: 2.1 requests keep the deprecated size full.")]
    public void Parse_V2Request_ReturnsAllParameters()
    {
        var request = ParserAssert.Ok(ImageRequestParser.Parse(ApiVersion.V2, Id, "full", "full", "0", "default.jpg"));
        var expected = new ImageRequest(
            ApiVersion.V2,
            Id,
            RegionParameter.Full,
            new SizeParameter(SizeKind.Full, null, null, 0, false),
            RotationParameter.None,
            ImageQuality.Default,
            ImageFormat.Jpg);
        Assert.That(request, Is.EqualTo(expected));
    }

    [TestCase("default.jpg", ImageQuality.Default, ImageFormat.Jpg)]
    [TestCase("color.jp2", ImageQuality.Color, ImageFormat.Jp2)]
    [TestCase("bitonal.webp", ImageQuality.Bitonal, ImageFormat.Webp)]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax: the format is the suffix after the last '.'.")]
    public void Parse_QualityDotFormat_SplitsAtLastDot(string text, ImageQuality quality, ImageFormat format)
    {
        var request = ParserAssert.Ok(ImageRequestParser.Parse(ApiVersion.V3, Id, "full", "max", "0", text));
        Assert.That((request.Quality, request.Format), Is.EqualTo((quality, format)));
    }

    [TestCase("default", "format")]
    [TestCase("defaultjpg", "format")]
    [TestCase("", "format")]
    [TestCase("default.", "format")]
    [TestCase("default.jpeg", "format")]
    [TestCase("default.tar.jpg", "quality")]
    [TestCase(".jpg", "quality")]
    [TestCase("grey.jpg", "quality")]
    [TestCase("grey.tiff", "quality")]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax: quality.format needs a '.'; a missing dot is a format error; quality is checked before format.")]
    public void Parse_BadQualityDotFormat_NamesParameter(string text, string parameter)
    {
        ParserAssert.BadRequest(ImageRequestParser.Parse(ApiVersion.V3, Id, "full", "max", "0", text), parameter);
    }

    [TestCase("junk", "junk", "junk", "junk.junk", "region")]
    [TestCase("full", "junk", "junk", "junk.junk", "size")]
    [TestCase("full", "max", "junk", "junk.junk", "rotation")]
    [TestCase("full", "max", "0", "junk.junk", "quality")]
    [TestCase("full", "max", "0", "default.junk", "format")]
    [TestCase("full", "full", "0", "default.jpg", "size")]
    [Description("The first error is reported, in parameter order region, size, rotation, quality, format (https://iiif.io/api/image/3.0/#46-order-of-implementation).")]
    public void Parse_SeveralErrors_ReportsFirstInParameterOrder(string region, string size, string rotation, string tail, string parameter)
    {
        ParserAssert.BadRequest(ImageRequestParser.Parse(ApiVersion.V3, Id, region, size, rotation, tail), parameter);
    }

    [TestCase("``;<=>", "region")]
    [TestCase("@[\\]^_", "region")]
    [TestCase(":;<=>@", "size")]
    [TestCase("[\\]^_`", "size")]
    [TestCase("^_`:", "rotation")]
    [TestCase("<=>@", "rotation")]
    [TestCase(";<=>@[", "quality")]
    [TestCase("\\]^_`:", "quality")]
    [Description("Validator edge case (https://github.com/IIIF/image-validator): random junk with : ; < = > @ [ \\ ] ^ _ and backtick gives 400 exactly.")]
    public void Parse_JunkParameter_ReturnsBadRequest(string junk, string parameter)
    {
        string[] parts = ["full", "max", "0", "default"];
        var index = Array.IndexOf(new[] { "region", "size", "rotation", "quality" }, parameter);
        parts[index] = junk;
        foreach (var version in new[] { ApiVersion.V2, ApiVersion.V3 })
        {
            var result = ImageRequestParser.Parse(version, Id, parts[0], parts[1], parts[2], parts[3] + ".jpg");
            ParserAssert.BadRequest(result, parameter);
        }
    }

    [TestCase(":;<", "format")]
    [TestCase("@[\\", "format")]
    [TestCase("]^_", "format")]
    [TestCase("`;=", "format")]
    [Description("Validator edge case (https://github.com/IIIF/image-validator): a random 3-char format gives 400.")]
    public void Parse_JunkFormat_ReturnsBadRequest(string junk, string parameter)
    {
        ParserAssert.BadRequest(ImageRequestParser.Parse(ApiVersion.V3, Id, "full", "max", "0", "default." + junk), parameter);
    }

    [Test]
    [Description("Validator edge case (https://github.com/IIIF/image-validator): junk built from the listed characters is a 400 in every parameter, never an exception.")]
    public void Parse_GeneratedJunk_AlwaysBadRequestForThatParameter()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var version = i % 2 == 0 ? ApiVersion.V2 : ApiVersion.V3;
            Assert.Multiple(() =>
            {
                ParserAssert.BadRequest(ImageRequestParser.ParseRegion(JunkText.Make(random, 6)), "region");
                ParserAssert.BadRequest(ImageRequestParser.ParseSize(version, JunkText.Make(random, 6)), "size");
                ParserAssert.BadRequest(ImageRequestParser.ParseRotation(JunkText.Make(random, 4)), "rotation");
                ParserAssert.BadRequest(ImageRequestParser.ParseQuality(JunkText.Make(random, 6)), "quality");
                ParserAssert.BadRequest(ImageRequestParser.ParseFormat(JunkText.Make(random, 3)), "format");
            });
        }
    }

    [Test]
    [Description("CA1305 and https://iiif.io/api/image/3.0/#47-floating-point-values: URLs parse the same on every locale, even one whose decimal separator is ','.")]
    public void Parse_UnderCommaDecimalCulture_UsesInvariantRules()
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        commaCulture.NumberFormat.NumberGroupSeparator = ".";
        commaCulture.NumberFormat.PercentDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = commaCulture;
            CultureInfo.CurrentUICulture = commaCulture;
            Assert.That(decimal.Parse("22,5", CultureInfo.CurrentCulture), Is.EqualTo(22.5m), "the culture really uses ','");

            var request = ParserAssert.Ok(ImageRequestParser.Parse(ApiVersion.V3, Id, "pct:12.5,0,50,50", "pct:62.5", "22.5", "default.jpg"));
            Assert.Multiple(() =>
            {
                Assert.That(request.Region.X, Is.EqualTo(12.5m));
                Assert.That(request.Size.Percent, Is.EqualTo(62.5m));
                Assert.That(request.Rotation.Degrees, Is.EqualTo(22.5m));
                ParserAssert.BadRequest(ImageRequestParser.ParseRotation("22,5"), "rotation");
                ParserAssert.BadRequest(ImageRequestParser.ParseSize(ApiVersion.V3, "pct:62,5"), "size");
                ParserAssert.BadRequest(ImageRequestParser.ParseRegion("1.000,0,10,10"), "region");
            });
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Test]
    [Description("Error messages quote at most a short prefix of the input, so huge inputs give short messages.")]
    public void Parse_HugeInput_MessageIsTruncated()
    {
        var huge = new string('9', 100_000) + ",0,10,10";
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRegion(huge), "region");
        Assert.That(error.Message, Has.Length.LessThan(250));
        Assert.That(error.Message, Does.StartWith("'" + new string('9', 40) + "...'"));
    }

    [TestCase("\u0000")]
    [TestCase("\u001B[31m")]
    [TestCase("\r\nSet-Cookie: x")]
    [TestCase("\u007F")]
    [TestCase("\u0085")]
    [TestCase("\u202E")]
    [TestCase("\u2028")]
    [TestCase("surrogate")]
    [Description("Error messages never echo control characters raw; they appear as \\uXXXX.")]
    public void Parse_ControlCharacters_AreEscapedInMessage(string junk)
    {
        // Attribute strings cannot hold a lone surrogate (metadata stores UTF-8), so that case is built here.
        junk = junk == "surrogate" ? "\uD800" : junk;
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRotation("9" + junk), "rotation");
        var escaped = "\\u" + ((int)junk[0]).ToString("X4", CultureInfo.InvariantCulture);
        Assert.That(error.Message, Does.Contain(escaped));
        Assert.That(error.Message.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\u202E' or '\u2028'), Is.False);
    }

    [Test]
    [Description("A surrogate pair straddling the truncation point is not cut in two.")]
    public void Parse_SurrogatePairAtCut_IsNotSplit()
    {
        var text = new string('x', 39) + "\U0001F600" + "tail";
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseQuality(text), "quality");
        Assert.That(error.Message, Does.StartWith("'" + new string('x', 39) + "...'"));
    }
}

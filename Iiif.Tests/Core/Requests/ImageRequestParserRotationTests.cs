using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Requests;

[TestFixture]
public class ImageRequestParserRotationTests
{
    [TestCase("0", "0", false)]
    [TestCase("90", "90", false)]
    [TestCase("180", "180", false)]
    [TestCase("270", "270", false)]
    [TestCase("360", "360", false)]
    [TestCase("22.5", "22.5", false)]
    [TestCase("0.5", "0.5", false)]
    [TestCase("359.9999999999", "359.9999999999", false)]
    [TestCase("090", "90", false)]
    [TestCase("90.0", "90", false)]
    [TestCase("!0", "0", true)]
    [TestCase("!180", "180", true)]
    [TestCase("!22.5", "22.5", true)]
    [TestCase("!360", "360", true)]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: n or !n, clockwise degrees from 0 to 360 inclusive, decimals allowed; ! mirrors first.")]
    public void ParseRotation_Valid_ReturnsParameter(string text, string degrees, bool mirror)
    {
        var rotation = ParserAssert.Ok(ImageRequestParser.ParseRotation(text));
        Assert.That(rotation, Is.EqualTo(new RotationParameter(ParserAssert.Dec(degrees), mirror)));
    }

    [TestCase("361")]
    [TestCase("360.0000000001")]
    [TestCase("!361")]
    [TestCase("720")]
    [TestCase("999999999")]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: rotation above 360 is out of range (361 gives 400).")]
    public void ParseRotation_Above360_ReturnsBadRequest(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRotation(text), "rotation");
        Assert.That(error.Message, Does.Contain("between 0 and 360"));
    }

    [TestCase("-90")]
    [TestCase("+90")]
    [TestCase("abc")]
    [TestCase("!")]
    [TestCase("")]
    [TestCase("!!90")]
    [TestCase("90!")]
    [TestCase("!-90")]
    [TestCase("1e2")]
    [TestCase(".5")]
    [TestCase("5.")]
    [TestCase("90 ")]
    [TestCase(" 90")]
    [TestCase("! 90")]
    [TestCase("90,5")]
    [TestCase("22,5")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("0x5A")]
    [TestCase("\u0661\u0668\u0660")]
    [TestCase("90deg")]
    [TestCase("99999999999999")]
    [TestCase("0.12345678901")]
    [Description("https://iiif.io/api/image/3.0/#43-rotation: malformed rotation gives 400 (-90, abc, +90, ! and friends).")]
    public void ParseRotation_Malformed_ReturnsBadRequest(string text)
    {
        ParserAssert.BadRequest(ImageRequestParser.ParseRotation(text), "rotation");
    }

    [TestCase("default", ImageQuality.Default)]
    [TestCase("color", ImageQuality.Color)]
    [TestCase("gray", ImageQuality.Gray)]
    [TestCase("bitonal", ImageQuality.Bitonal)]
    [Description("https://iiif.io/api/image/3.0/#44-quality: the qualities are default, color, gray and bitonal.")]
    public void ParseQuality_Known_ReturnsQuality(string text, ImageQuality expected)
    {
        Assert.That(ParserAssert.Ok(ImageRequestParser.ParseQuality(text)), Is.EqualTo(expected));
    }

    [TestCase("grey")]
    [TestCase("native")]
    [TestCase("colour")]
    [TestCase("Default")]
    [TestCase("COLOR")]
    [TestCase("gray ")]
    [TestCase("")]
    [TestCase("bitonal\0")]
    [TestCase("default.jpg")]
    [Description("https://iiif.io/api/image/3.0/#44-quality: grey and native are 1.x names and invalid; tokens are exact.")]
    public void ParseQuality_Unknown_ReturnsBadRequestListingQualities(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseQuality(text), "quality");
        Assert.That(error.Message, Does.Contain("default, color, gray, bitonal"));
    }

    [TestCase("jpg", ImageFormat.Jpg)]
    [TestCase("png", ImageFormat.Png)]
    [TestCase("gif", ImageFormat.Gif)]
    [TestCase("webp", ImageFormat.Webp)]
    [TestCase("tif", ImageFormat.Tif)]
    [TestCase("jp2", ImageFormat.Jp2)]
    [TestCase("pdf", ImageFormat.Pdf)]
    [Description("https://iiif.io/api/image/3.0/#45-format: the formats are jpg, tif, png, gif, jp2, pdf and webp.")]
    public void ParseFormat_Known_ReturnsFormat(string text, ImageFormat expected)
    {
        Assert.That(ParserAssert.Ok(ImageRequestParser.ParseFormat(text)), Is.EqualTo(expected));
    }

    [TestCase("jpeg")]
    [TestCase("tiff")]
    [TestCase("JPG")]
    [TestCase("Png")]
    [TestCase("bmp")]
    [TestCase("svg")]
    [TestCase("jpg ")]
    [TestCase("")]
    [TestCase("j:g")]
    [Description("https://iiif.io/api/image/3.0/#45-format: only the listed lower-case spellings are formats (jpeg, tiff, JPG give 400).")]
    public void ParseFormat_Unknown_ReturnsBadRequestListingFormats(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseFormat(text), "format");
        Assert.That(error.Message, Does.Contain("jpg, png, gif, webp, tif, jp2, pdf"));
    }
}

using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Requests;

[TestFixture]
public class ImageRequestParserSizeTests
{
    private static readonly ApiVersion[] BothVersions = [ApiVersion.V2, ApiVersion.V3];

    [TestCase("full", SizeKind.Full, null, null, "0")]
    [TestCase("max", SizeKind.Max, null, null, "0")]
    [TestCase("100,", SizeKind.Width, 100, null, "0")]
    [TestCase(",100", SizeKind.Height, null, 100, "0")]
    [TestCase("pct:50", SizeKind.Percent, null, null, "50")]
    [TestCase("pct:12.5", SizeKind.Percent, null, null, "12.5")]
    [TestCase("pct:150", SizeKind.Percent, null, null, "150")]
    [TestCase("100,200", SizeKind.Exact, 100, 200, "0")]
    [TestCase("!100,200", SizeKind.BestFit, 100, 200, "0")]
    [TestCase("1200,", SizeKind.Width, 1200, null, "0")]
    [TestCase("007,", SizeKind.Width, 7, null, "0")]
    [TestCase("2147483647,2147483647", SizeKind.Exact, int.MaxValue, int.MaxValue, "0")]
    [Description("https://iiif.io/api/image/2.1/#42-size: 2.1 sizes are full, max, w,, ,h, pct:n, w,h and !w,h (upscaling is checked later).")]
    public void ParseSize_V2Form_ReturnsParameter(string text, SizeKind kind, int? w, int? h, string percent)
    {
        var size = ParserAssert.Ok(ImageRequestParser.ParseSize(ApiVersion.V2, text));
        Assert.That(size, Is.EqualTo(new SizeParameter(kind, w, h, ParserAssert.Dec(percent), false)));
    }

    [TestCase("max", SizeKind.Max, null, null, "0", false)]
    [TestCase("^max", SizeKind.Max, null, null, "0", true)]
    [TestCase("100,", SizeKind.Width, 100, null, "0", false)]
    [TestCase("^100,", SizeKind.Width, 100, null, "0", true)]
    [TestCase(",100", SizeKind.Height, null, 100, "0", false)]
    [TestCase("^,100", SizeKind.Height, null, 100, "0", true)]
    [TestCase("pct:50", SizeKind.Percent, null, null, "50", false)]
    [TestCase("^pct:50", SizeKind.Percent, null, null, "50", true)]
    [TestCase("^pct:200", SizeKind.Percent, null, null, "200", true)]
    [TestCase("pct:150", SizeKind.Percent, null, null, "150", false)]
    [TestCase("100,200", SizeKind.Exact, 100, 200, "0", false)]
    [TestCase("^100,200", SizeKind.Exact, 100, 200, "0", true)]
    [TestCase("!100,200", SizeKind.BestFit, 100, 200, "0", false)]
    [TestCase("^!2000,3000", SizeKind.BestFit, 2000, 3000, "0", true)]
    [TestCase("1200,1200", SizeKind.Exact, 1200, 1200, "0", false)]
    [Description("https://iiif.io/api/image/3.0/#42-size: 3.0 sizes are max, w,, ,h, pct:n, w,h, !w,h, each with an optional ^ (limits checked later).")]
    public void ParseSize_V3Form_ReturnsParameter(string text, SizeKind kind, int? w, int? h, string percent, bool upscale)
    {
        var size = ParserAssert.Ok(ImageRequestParser.ParseSize(ApiVersion.V3, text));
        Assert.That(size, Is.EqualTo(new SizeParameter(kind, w, h, ParserAssert.Dec(percent), upscale)));
    }

    [TestCase("^max")]
    [TestCase("^100,")]
    [TestCase("^,100")]
    [TestCase("^pct:50")]
    [TestCase("^100,100")]
    [TestCase("^!100,100")]
    [TestCase("^full")]
    [Description("https://iiif.io/api/image/3.0/#42-size: the ^ prefix is new in 3.0, so a 2.1 size starting with ^ is malformed (400).")]
    public void ParseSize_V2WithCaret_ReturnsBadRequest(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseSize(ApiVersion.V2, text), "size");
        Assert.That(error.Message, Does.Contain("only in Image API 3.0"));
    }

    [TestCase("full")]
    [TestCase("^full")]
    [Description("https://iiif.io/api/image/3.0/#42-size: full is no longer valid in 3.0 and gives 400; max replaces it.")]
    public void ParseSize_V3Full_ReturnsBadRequestSuggestingMax(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseSize(ApiVersion.V3, text), "size");
        Assert.That(error.Message, Does.Contain("'full' was removed in Image API 3.0").And.Contain("'max'"));
    }

    [TestCase("")]
    [TestCase(",")]
    [TestCase("!,")]
    [TestCase("!100,")]
    [TestCase("!,100")]
    [TestCase("100")]
    [TestCase("!100")]
    [TestCase("100,200,300")]
    [TestCase("100,,")]
    [TestCase(",,100")]
    [TestCase("-100,")]
    [TestCase(",-100")]
    [TestCase("+100,")]
    [TestCase("100.5,")]
    [TestCase(",100.0")]
    [TestCase("1e2,")]
    [TestCase(" 100,")]
    [TestCase("100 ,")]
    [TestCase("100, 200")]
    [TestCase("0x64,")]
    [TestCase("100x100")]
    [TestCase("100;100")]
    [TestCase("MAX")]
    [TestCase("Max")]
    [TestCase("maxx")]
    [TestCase("max ")]
    [TestCase("!max")]
    [TestCase("!pct:50")]
    [TestCase("!!100,100")]
    [TestCase("pct:")]
    [TestCase("pct:-5")]
    [TestCase("pct:+5")]
    [TestCase("pct:.5")]
    [TestCase("pct:5.")]
    [TestCase("pct:5%")]
    [TestCase("pct:1e2")]
    [TestCase("pct:50,50")]
    [TestCase("PCT:50")]
    [TestCase("pct 50")]
    [TestCase("abc")]
    [Description("https://iiif.io/api/image/3.0/#42-size: anything outside the size grammar is a syntax error (400) in both versions.")]
    public void ParseSize_Malformed_ReturnsBadRequestInBothVersions(string text)
    {
        foreach (var version in BothVersions)
        {
            ParserAssert.BadRequest(ImageRequestParser.ParseSize(version, text), "size");
        }
    }

    [TestCase("^")]
    [TestCase("^^max")]
    [TestCase("^^100,")]
    [TestCase("!^100,100")]
    [TestCase("^ max")]
    [TestCase("^pct:")]
    [TestCase("^!100,")]
    [TestCase("^,")]
    [TestCase("^-5,")]
    [Description("https://iiif.io/api/image/3.0/#42-size: syntax errors in ^ forms give 400.")]
    public void ParseSize_V3MalformedCaretForm_ReturnsBadRequest(string text)
    {
        ParserAssert.BadRequest(ImageRequestParser.ParseSize(ApiVersion.V3, text), "size");
    }

    [TestCase("0,", "width must be at least 1")]
    [TestCase(",0", "height must be at least 1")]
    [TestCase("0,0", "width must be at least 1")]
    [TestCase("!0,0", "width must be at least 1")]
    [TestCase("!10,0", "height must be at least 1")]
    [TestCase("000,", "width must be at least 1")]
    [TestCase("pct:0", "greater than 0")]
    [TestCase("pct:0.0", "greater than 0")]
    [Description("https://iiif.io/api/image/3.0/#42-size: a width or height of 0 px SHOULD give 400 (size 0,, ,0, 0,0, pct:0, !0,0).")]
    public void ParseSize_Zero_ReturnsBadRequestInBothVersions(string text, string phrase)
    {
        foreach (var version in BothVersions)
        {
            var error = ParserAssert.BadRequest(ImageRequestParser.ParseSize(version, text), "size");
            Assert.That(error.Message, Does.Contain(phrase));
        }

        ParserAssert.BadRequest(ImageRequestParser.ParseSize(ApiVersion.V3, "^" + text), "size");
    }

    [TestCase("2147483648,", "at most 2147483647")]
    [TestCase(",99999999999", "at most 2147483647")]
    [TestCase("!1,2147483648", "at most 2147483647")]
    [TestCase("pct:1000000000", "below 1000000000")]
    [TestCase("pct:0.12345678901", "at most 10 digits")]
    [TestCase("100000000000000000000000000000000000,", "at most 32 characters")]
    [Description("Numbers must fit their type: overflow is a 400, never an exception.")]
    public void ParseSize_NumberOutOfRange_ReturnsBadRequest(string text, string phrase)
    {
        foreach (var version in BothVersions)
        {
            var error = ParserAssert.BadRequest(ImageRequestParser.ParseSize(version, text), "size");
            Assert.That(error.Message, Does.Contain(phrase));
        }
    }

    [Test]
    [Description("Errors quote the offending text and read as a sentence: \"size: '0,0' is not valid: ...\".")]
    public void ParseSize_Zero_MessageReadsAsSentence()
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseSize(ApiVersion.V3, "0,0"), "size");
        Assert.That(error.ToString(), Does.StartWith("size: '0,0' is not valid: "));
    }

    [Test]
    [Description("Only the two defined versions exist; an undefined enum value is a programming error.")]
    public void ParseSize_UndefinedVersion_Throws()
    {
        Assert.That(() => ImageRequestParser.ParseSize((ApiVersion)7, "max"), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}

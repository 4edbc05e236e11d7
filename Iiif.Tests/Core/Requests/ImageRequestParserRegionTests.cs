using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Requests;

[TestFixture]
public class ImageRequestParserRegionTests
{
    [TestCase("full", RegionKind.Full)]
    [TestCase("square", RegionKind.Square)]
    [TestCase("!square", RegionKind.SquareStart)]
    [TestCase("square!", RegionKind.SquareEnd)]
    [Description("https://iiif.io/api/image/3.0/#41-region: full and square (new in 2.1); !square and square! are the old server's variants.")]
    public void ParseRegion_Keyword_ReturnsKind(string text, RegionKind kind)
    {
        var region = ParserAssert.Ok(ImageRequestParser.ParseRegion(text));
        Assert.That(region, Is.EqualTo(new RegionParameter(kind, 0, 0, 0, 0)));
    }

    [TestCase("0,0,10,10", 0, 0, 10, 10)]
    [TestCase("10,20,30,40", 10, 20, 30, 40)]
    [TestCase("900,900,200,200", 900, 900, 200, 200)]
    [TestCase("1000,0,10,10", 1000, 0, 10, 10)]
    [TestCase("007,0,010,10", 7, 0, 10, 10)]
    [TestCase("2147483647,2147483647,2147483647,2147483647", int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue)]
    [Description("https://iiif.io/api/image/3.0/#41-region: x,y,w,h are non-negative integer pixels; outside or overlapping regions are the planner's job.")]
    public void ParseRegion_Pixels_ReturnsValues(string text, int x, int y, int w, int h)
    {
        var region = ParserAssert.Ok(ImageRequestParser.ParseRegion(text));
        Assert.That(region, Is.EqualTo(new RegionParameter(RegionKind.Pixels, x, y, w, h)));
    }

    [TestCase("pct:0,0,50,50", "0", "0", "50", "50")]
    [TestCase("pct:10.5,20.25,30,40", "10.5", "20.25", "30", "40")]
    [TestCase("pct:90,90,20,20", "90", "90", "20", "20")]
    [TestCase("pct:0,0,150,100", "0", "0", "150", "100")]
    [TestCase("pct:120,0,10,10", "120", "0", "10", "10")]
    [TestCase("pct:0.0000000001,0,1,1", "0.0000000001", "0", "1", "1")]
    [TestCase("pct:0,0,100.0,99.50", "0", "0", "100", "99.5")]
    [Description("https://iiif.io/api/image/3.0/#41-region: pct:x,y,w,h takes decimals; values above 100 are legal syntax (clipping comes later).")]
    public void ParseRegion_Percent_ReturnsValues(string text, string x, string y, string w, string h)
    {
        var region = ParserAssert.Ok(ImageRequestParser.ParseRegion(text));
        var expected = new RegionParameter(
            RegionKind.Percent, ParserAssert.Dec(x), ParserAssert.Dec(y), ParserAssert.Dec(w), ParserAssert.Dec(h));
        Assert.That(region, Is.EqualTo(expected));
    }

    [TestCase("-1,0,10,10")]
    [TestCase("0,-1,10,10")]
    [TestCase("+0,0,10,10")]
    [TestCase("1.5,0,10,10")]
    [TestCase("0,0,10.0,10")]
    [TestCase("1e1,0,10,10")]
    [TestCase("0x1,0,10,10")]
    [TestCase("NaN,0,10,10")]
    [TestCase("0,0,Infinity,10")]
    [TestCase(" 0,0,10,10")]
    [TestCase("0,0,10,10 ")]
    [TestCase("0, 0,10,10")]
    [TestCase("0,0,10,\t10")]
    [TestCase("0,,10,10")]
    [TestCase(",,,")]
    [TestCase(",0,10,10")]
    [TestCase("0,0,10,")]
    [TestCase("0,0,10,10px")]
    [Description("https://iiif.io/api/image/3.0/#41-region: pixel regions are non-negative integers; signs, decimals, exponents, blanks, junk give 400.")]
    public void ParseRegion_MalformedPixelNumber_ReturnsBadRequest(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRegion(text), "region");
        Assert.That(error.Message, Does.Contain("whole number"));
    }

    [TestCase("0,0,10")]
    [TestCase("0,0,10,10,10")]
    [TestCase("0")]
    [TestCase(",,,,")]
    [TestCase("0;0;10;10")]
    [TestCase("pct:")]
    [TestCase("pct:1,2,3")]
    [TestCase("pct:1,2,3,4,5")]
    [Description("https://iiif.io/api/image/3.0/#41-region: the wrong comma count is malformed (0,0,10 gives 400).")]
    public void ParseRegion_WrongCommaCount_ReturnsBadRequest(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRegion(text), "region");
        Assert.That(error.Message, Does.Contain("four comma-separated numbers"));
    }

    [TestCase("pct:-1,0,10,10")]
    [TestCase("pct:+1,0,10,10")]
    [TestCase("pct:.5,0,10,10")]
    [TestCase("pct:5.,0,10,10")]
    [TestCase("pct:1,2,3,4e1")]
    [TestCase("pct:1,2,3,4%")]
    [TestCase("pct:1,2,3, 4")]
    [TestCase("pct:1,2,3,4.5.6")]
    [TestCase("pct:pct:1,2,3,4")]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values: pct: values are non-negative decimals with a leading 0 and no sign or exponent.")]
    public void ParseRegion_MalformedPercentNumber_ReturnsBadRequest(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRegion(text), "region");
        Assert.That(error.Message, Does.Contain("decimal"));
    }

    [TestCase("")]
    [TestCase("Full")]
    [TestCase("FULL")]
    [TestCase("full ")]
    [TestCase(" full")]
    [TestCase("fullx")]
    [TestCase("Square")]
    [TestCase("squares")]
    [TestCase("!square!")]
    [TestCase("!full")]
    [TestCase("PCT:0,0,10,10")]
    [TestCase("pct 0,0,10,10")]
    [TestCase("pct0,0,10,10")]
    [Description("https://iiif.io/api/image/3.0/#41-region: region keywords are exact, lower case words.")]
    public void ParseRegion_UnknownKeyword_ReturnsBadRequest(string text)
    {
        ParserAssert.BadRequest(ImageRequestParser.ParseRegion(text), "region");
    }

    [TestCase("0,0,0,10")]
    [TestCase("0,0,10,0")]
    [TestCase("0,0,000,10")]
    [TestCase("pct:0,0,0,50")]
    [TestCase("pct:0,0,50,0.0")]
    [Description("https://iiif.io/api/image/3.0/#41-region: a region of zero width or height SHOULD give 400, for any image.")]
    public void ParseRegion_ZeroWidthOrHeight_ReturnsBadRequest(string text)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRegion(text), "region");
        Assert.That(error.Message, Does.Contain("greater than 0"));
    }

    [TestCase("2147483648,0,10,10", "at most 2147483647")]
    [TestCase("0,0,99999999999,10", "at most 2147483647")]
    [TestCase("0,0,10,000000000000000000000000000000001", "at most 32 characters")]
    [TestCase("pct:1000000000,0,1,1", "below 1000000000")]
    [TestCase("pct:0.12345678901,0,1,1", "at most 10 digits")]
    [Description("Numbers must fit their type: overflow and over-long numbers are a 400, never an exception.")]
    public void ParseRegion_NumberOutOfRange_ReturnsBadRequest(string text, string phrase)
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRegion(text), "region");
        Assert.That(error.Message, Does.Contain(phrase));
    }

    [Test]
    [Description("Errors name the offending text so a person can see what was wrong.")]
    public void ParseRegion_Malformed_MessageQuotesTextAndNamesField()
    {
        var error = ParserAssert.BadRequest(ImageRequestParser.ParseRegion("0,-5,10,10"), "region");
        Assert.That(error.Message, Does.StartWith("'0,-5,10,10' is not valid: y "));
        Assert.That(error.ToString(), Does.StartWith("region: '0,-5,10,10'"));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#41-region: any in-range x,y,w,h round-trips through the pixel form.")]
    public void ParseRegion_RandomPixelValues_RoundTrip()
    {
        var random = new Random(2101);
        for (var i = 0; i < 500; i++)
        {
            int x = random.Next(), y = random.Next(), w = random.Next(1, int.MaxValue), h = random.Next(1, int.MaxValue);
            var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x},{y},{w},{h}");
            var region = ParserAssert.Ok(ImageRequestParser.ParseRegion(text));
            Assert.That(region, Is.EqualTo(new RegionParameter(RegionKind.Pixels, x, y, w, h)), text);
        }
    }
}

using Iiif.Core.Identifiers;
using Iiif.Tests.Core.Requests;

namespace Iiif.Tests.Core.Identifiers;

[TestFixture]
public class ImageIdentifierParserTests
{
    [TestCase("abc", "abc")]
    [TestCase("67352ccc-d1b0-11e1-89ae-279075081939", "67352ccc-d1b0-11e1-89ae-279075081939")]
    [TestCase("ark:%2F12025%2F654xz321", "ark:/12025/654xz321")]
    [TestCase("ark:%2f1%2f2", "ark:/1/2")]
    [TestCase("%2D", "-")]
    [TestCase("a%2Db", "a-b")]
    [TestCase("%253C", "%3C")]
    [TestCase("a%2525b", "a%25b")]
    [TestCase("caf%C3%A9", "caf\u00E9")]
    [TestCase("caf%c3%a9", "caf\u00E9")]
    [TestCase("caf\u00E9", "caf\u00E9")]
    [TestCase("%F0%9F%98%80", "\U0001F600")]
    [TestCase("a+b", "a+b")]
    [TestCase("a%20b", "a b")]
    [TestCase("%21%2C%5B%5D%40%3F%23", "!,[]@?#")]
    [TestCase("[frob]", "[frob]")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: the identifier segment is percent-decoded exactly once; %2F stays a slash inside it.")]
    public void FromRawSegment_Escapes_DecodesOnce(string raw, string expected)
    {
        Assert.That(ParserAssert.Ok(ImageIdentifierParser.FromRawSegment(raw)), Is.EqualTo(new ImageIdentifier(expected)));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: an identifier sent as %2D for '-' works exactly like the unencoded one.")]
    public void FromRawSegment_EncodedOrdinaryCharacter_EqualsUnencoded()
    {
        var encoded = ImageIdentifierParser.FromRawSegment("67352ccc%2Dd1b0%2D11e1-89ae-279075081939");
        var plain = ImageIdentifierParser.FromRawSegment("67352ccc-d1b0-11e1-89ae-279075081939");
        Assert.That(ParserAssert.Ok(encoded), Is.EqualTo(ParserAssert.Ok(plain)));
    }

    [TestCase("%")]
    [TestCase("%G1")]
    [TestCase("%4")]
    [TestCase("a%")]
    [TestCase("a%2")]
    [TestCase("%%")]
    [TestCase("%%41")]
    [TestCase("%-1")]
    [TestCase("%+1")]
    [TestCase("% 41")]
    [TestCase("%\u0660\u0661")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: decoding is strict; a '%' not followed by two hex digits gives 400.")]
    public void FromRawSegment_MalformedEscape_ReturnsBadRequest(string raw)
    {
        var error = ParserAssert.BadRequest(ImageIdentifierParser.FromRawSegment(raw), "identifier");
        Assert.That(error.Message, Does.Contain("two hexadecimal digits"));
    }

    [TestCase("%C3")]
    [TestCase("%FF")]
    [TestCase("%80")]
    [TestCase("a%C3%28")]
    [TestCase("%C0%AF")]
    [TestCase("%E0%80%AF")]
    [TestCase("%ED%A0%80")]
    [TestCase("%F4%90%80%80")]
    [TestCase("%F0%9F%98")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: escapes encode UTF-8 bytes; truncated, overlong or surrogate sequences give 400.")]
    public void FromRawSegment_InvalidUtf8_ReturnsBadRequest(string raw)
    {
        var error = ParserAssert.BadRequest(ImageIdentifierParser.FromRawSegment(raw), "identifier");
        Assert.That(error.Message, Does.Contain("UTF-8"));
    }

    [TestCase("%00")]
    [TestCase("a%00.jp2")]
    [TestCase("%0A")]
    [TestCase("%7F")]
    [TestCase("%C2%85")]
    [TestCase("%2E%2E")]
    [TestCase("%2e")]
    [TestCase("..%2F..%2Fetc%2Fpasswd")]
    [TestCase("a%2F..%2Fb")]
    [TestCase("%2Fetc%2Fpasswd")]
    [TestCase("%5C%5Cserver%5Cshare")]
    [TestCase("C%3A%5Cwindows")]
    [TestCase("C:%2Fwindows")]
    [TestCase("a%5Cb")]
    [TestCase("")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: after decoding, traversal, absolute paths, NUL and control characters are refused (400).")]
    public void FromRawSegment_DecodesToUnsafeIdentifier_ReturnsBadRequest(string raw)
    {
        ParserAssert.BadRequest(ImageIdentifierParser.FromRawSegment(raw), "identifier");
    }

    [TestCase("abc")]
    [TestCase("ark:/12025/654xz321")]
    [TestCase("urn:uuid:67352ccc-d1b0-11e1-89ae-279075081939")]
    [TestCase("ab:cd")]
    [TestCase("a/b/c.jp2")]
    [TestCase("a..b")]
    [TestCase("a/..b/c")]
    [TestCase(".hidden")]
    [TestCase("a/.b")]
    [TestCase("..a")]
    [TestCase("a b")]
    [TestCase("%3C")]
    [TestCase("\u65E5\u672C\u8A9E")]
    [TestCase("\U0001F600")]
    [TestCase("[frob]")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: identifiers are opaque; colons, inner slashes and dots inside names are fine.")]
    public void FromDecoded_OrdinaryIdentifier_IsAccepted(string value)
    {
        Assert.That(ParserAssert.Ok(ImageIdentifierParser.FromDecoded(value)).Value, Is.EqualTo(value));
    }

    [TestCase("", "empty")]
    [TestCase("\0", "control")]
    [TestCase("a\0b", "control")]
    [TestCase("\u0001", "control")]
    [TestCase("a\nb", "control")]
    [TestCase("\t", "control")]
    [TestCase("\u007F", "control")]
    [TestCase("\u0085", "control")]
    [TestCase("\u009F", "control")]
    [TestCase(".", "'.' or '..'")]
    [TestCase("..", "'.' or '..'")]
    [TestCase("a/..", "'.' or '..'")]
    [TestCase("../a", "'.' or '..'")]
    [TestCase("a/../b", "'.' or '..'")]
    [TestCase("a/./b", "'.' or '..'")]
    [TestCase("...", "'.' or '..'")]
    [TestCase(".. ", "'.' or '..'")]
    [TestCase("a/. ./b", "'.' or '..'")]
    [TestCase("/etc/passwd", "start with '/'")]
    [TestCase("/", "start with '/'")]
    [TestCase("\\abs", "backslash")]
    [TestCase("a\\b", "backslash")]
    [TestCase("..\\a", "backslash")]
    [TestCase("\\\\server\\share", "backslash")]
    [TestCase("C:\\windows", "backslash")]
    [TestCase("C:/windows", "drive letter")]
    [TestCase("c:", "drive letter")]
    [TestCase("z:file", "drive letter")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: a decoded identifier never reaches the file system as '..', an absolute path or a NUL.")]
    public void FromDecoded_UnsafeIdentifier_ReturnsBadRequest(string value, string phrase)
    {
        var error = ParserAssert.BadRequest(ImageIdentifierParser.FromDecoded(value), "identifier");
        Assert.That(error.Message, Does.Contain(phrase));
    }

    // Attribute strings cannot hold lone surrogates (metadata stores UTF-8), so the text is built from code units.
    [TestCase(0xD800, 0)]
    [TestCase(0xDC00, 0)]
    [TestCase(0xD83D, (int)'b')]
    [TestCase((int)'a', 0xDC00)]
    [Description("An identifier must be valid Unicode text: a lone surrogate cannot name a file reliably.")]
    public void FromDecoded_LoneSurrogate_ReturnsBadRequest(int first, int second)
    {
        var value = second == 0 ? ((char)first).ToString() : new string([(char)first, (char)second]);
        var error = ParserAssert.BadRequest(ImageIdentifierParser.FromDecoded(value), "identifier");
        Assert.That(error.Message, Does.Contain("Unicode"));
    }

    [Test]
    [Description("Identifiers are bounded in length (1024 chars decoded) so huge inputs fail fast.")]
    public void FromDecoded_LengthBoundary_AcceptsMaxAndRefusesMore()
    {
        Assert.Multiple(() =>
        {
            ParserAssert.Ok(ImageIdentifierParser.FromDecoded(new string('a', ImageIdentifierParser.MaxLength)));
            ParserAssert.BadRequest(ImageIdentifierParser.FromDecoded(new string('a', ImageIdentifierParser.MaxLength + 1)), "identifier");
            ParserAssert.BadRequest(ImageIdentifierParser.FromRawSegment(new string('a', 100_000)), "identifier");
            ParserAssert.BadRequest(ImageIdentifierParser.FromRawSegment(string.Concat(Enumerable.Repeat("%41", 1025))), "identifier");
        });
    }

    [Test]
    [Description("Messages never echo a path back beyond a short, escaped prefix.")]
    public void FromDecoded_LongUnsafePath_MessageIsShortAndEscaped()
    {
        var value = "../" + new string('s', 200) + "/secret\0";
        var error = ParserAssert.BadRequest(ImageIdentifierParser.FromDecoded(value), "identifier");
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Not.Contain("secret"));
            Assert.That(error.Message, Has.Length.LessThan(150));
            Assert.That(error.Message, Does.Contain("..."));
        });
        var control = ParserAssert.BadRequest(ImageIdentifierParser.FromDecoded("a\u0000b"), "identifier");
        Assert.That(control.Message, Does.Contain("'a\\u0000b'"));
    }
}

using Iiif.Core.Errors;
using Iiif.Core.Identifiers;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Requests;

[TestFixture]
public class IiifPathParserTests
{
    [TestCase("/abc", "abc")]
    [TestCase("/abc/", "abc")]
    [TestCase("/ark:%2F1%2F2", "ark:/1/2")]
    [TestCase("/ark:%2F1%2F2/", "ark:/1/2")]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax and https://iiif.io/api/image/3.0/#2-uri-syntax: /{identifier} is the base URI; /{identifier}/ is treated the same (ours).")]
    public void Parse_BaseUri_ReturnsBase(string path, string identifier)
    {
        var parsed = ParserAssert.Ok(IiifPathParser.Parse(path));
        Assert.That(parsed, Is.EqualTo(new IiifPath(IiifPathKind.Base, new ImageIdentifier(identifier), null, null, null, null)));
    }

    [TestCase("/abc/info.json", "abc")]
    [TestCase("/ark:%2F1%2F2/info.json", "ark:/1/2")]
    [TestCase("/ark:%2F12025%2F654xz321/info.json", "ark:/12025/654xz321")]
    [TestCase("/a%2Db/info.json", "a-b")]
    [TestCase("/a%253Cb/info.json", "a%3Cb")]
    [TestCase("/[frob]/info.json", "[frob]")]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax: /{identifier}/info.json; the identifier is decoded once, keeping %2F as '/' inside it.")]
    public void Parse_InfoUri_ReturnsInfo(string path, string identifier)
    {
        var parsed = ParserAssert.Ok(IiifPathParser.Parse(path));
        Assert.That(parsed, Is.EqualTo(new IiifPath(IiifPathKind.Info, new ImageIdentifier(identifier), null, null, null, null)));
    }

    [TestCase("/abc/full/max/0/default.jpg", "abc", "full", "max", "0", "default.jpg")]
    [TestCase("/ark:%2F1%2F2/0,0,10,10/^!5,5/!90/gray.png", "ark:/1/2", "0,0,10,10", "^!5,5", "!90", "gray.png")]
    [TestCase("/abc/full/%21100%2C100/%2190/default.jpg", "abc", "full", "!100,100", "!90", "default.jpg")]
    [TestCase("/abc/pct%3A0%2C0%2C50%2C50/%5Emax/0/default%2Ejpg", "abc", "pct:0,0,50,50", "^max", "0", "default.jpg")]
    [TestCase("/abc/%2525/max/0/default.jpg", "abc", "%25", "max", "0", "default.jpg")]
    [TestCase("/abc//max/0/default.jpg", "abc", "", "max", "0", "default.jpg")]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax and https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: /{identifier}/{region}/{size}/{rotation}/{quality}.{format}; parameters are decoded once.")]
    public void Parse_ImageUri_ReturnsDecodedParameters(string path, string identifier, string region, string size, string rotation, string tail)
    {
        var parsed = ParserAssert.Ok(IiifPathParser.Parse(path));
        var expected = new IiifPath(IiifPathKind.Image, new ImageIdentifier(identifier), region, size, rotation, tail);
        Assert.That(parsed, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("/")]
    [TestCase("//")]
    [TestCase("//info.json")]
    [TestCase("abc")]
    [TestCase("abc/info.json")]
    [TestCase("/a/b")]
    [TestCase("/a/b/info.json")]
    [TestCase("/a/b/full/max/0/default.jpg")]
    [TestCase("/abc/info.json/")]
    [TestCase("/abc/INFO.JSON")]
    [TestCase("/abc/info.json.bak")]
    [TestCase("/abc/full")]
    [TestCase("/abc/full/max")]
    [TestCase("/abc/full/max/0")]
    [TestCase("/abc/full/max/0/default.jpg/")]
    [TestCase("/abc/full/max/0/default.jpg/extra")]
    [TestCase("/%/a/b")]
    [TestCase("/../x")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: paths of no IIIF shape are 404, including a raw slash in the identifier (a/b).")]
    public void Parse_NotIiifShape_ReturnsNotFound(string path)
    {
        var result = IiifPathParser.Parse(path);
        Assert.That(result.IsSuccess, Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(result.Error.Kind, Is.EqualTo(IiifErrorKind.NotFound));
            Assert.That(result.Error.StatusCode, Is.EqualTo(404));
        });
    }

    [TestCase("/%/info.json")]
    [TestCase("/%G1/info.json")]
    [TestCase("/%4")]
    [TestCase("/%2E%2E/info.json")]
    [TestCase("/..%2Fetc%2Fpasswd/info.json")]
    [TestCase("/%2Fetc/info.json")]
    [TestCase("/%00/info.json")]
    [TestCase("/%FF/full/max/0/default.jpg")]
    [TestCase("/../info.json")]
    [TestCase("/%5C%5Cserver/full/max/0/default.jpg")]
    [TestCase("/%/full/max/0/default.%")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: a malformed or unsafe identifier in an IIIF-shaped path is a 400 about the identifier.")]
    public void Parse_BadIdentifier_ReturnsBadRequest(string path)
    {
        ParserAssert.BadRequest(IiifPathParser.Parse(path), "identifier");
    }

    [TestCase("/abc/%ZZ/max/0/default.jpg", "region")]
    [TestCase("/abc/full/%/0/default.jpg", "size")]
    [TestCase("/abc/full/max/%2/default.jpg", "rotation")]
    [TestCase("/abc/full/max/0/def%Gault.jpg", "quality")]
    [TestCase("/abc/full/max/0/default.jp%G", "format")]
    [TestCase("/abc/full/max/0/default.%FF", "format")]
    [TestCase("/abc/%FF/%/0/default.jpg", "region")]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: parameters are decoded once, strictly; a bad escape is a 400 naming the parameter.")]
    public void Parse_BadParameterEscape_ReturnsBadRequestForParameter(string path, string parameter)
    {
        ParserAssert.BadRequest(IiifPathParser.Parse(path), parameter);
    }

    [TestCase("/abc//max/0/default.jpg", "region")]
    [TestCase("/abc/full//0/default.jpg", "size")]
    [TestCase("/abc/full/max//default.jpg", "rotation")]
    [TestCase("/abc/full/max/0/", "format")]
    [TestCase("/abc/full/max/0/.jpg", "quality")]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax and https://iiif.io/api/image/3.0/#4-image-requests: an IIIF-shaped path with an empty parameter is a 400 once the parameters are parsed.")]
    public void Parse_EmptyParameter_IsBadRequestWhenParsed(string path, string parameter)
    {
        var parsed = ParserAssert.Ok(IiifPathParser.Parse(path));
        Assert.That(parsed.Kind, Is.EqualTo(IiifPathKind.Image));
        var request = ImageRequestParser.Parse(
            ApiVersion.V3, parsed.Identifier, parsed.Region!, parsed.Size!, parsed.Rotation!, parsed.QualityAndFormat!);
        ParserAssert.BadRequest(request, parameter);
    }

    [Test]
    [Description("Edge case: the [frob] identifier parses (raw brackets are ordinary characters); the source answers 404.")]
    public void Parse_RawBrackets_ParseAsIdentifierForTheSourceToRefuse()
    {
        var parsed = ParserAssert.Ok(IiifPathParser.Parse("/[frob]/full/max/0/default.jpg"));
        Assert.That(parsed.Identifier.Value, Is.EqualTo("[frob]"));
    }

    [Test]
    [Description("Not-found messages do not echo the path.")]
    public void Parse_NotFound_MessageDoesNotEchoPath()
    {
        var result = IiifPathParser.Parse("/secret-name/b");
        Assert.That(result.Error.Message, Does.Not.Contain("secret-name"));
    }
}

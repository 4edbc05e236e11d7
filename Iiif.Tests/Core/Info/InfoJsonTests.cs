using System.Text;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using static Iiif.Tests.Core.Info.InfoTestImages;

namespace Iiif.Tests.Core.Info;

[TestFixture]
public class InfoJsonTests
{
    private static string SerializeV3(string baseUri) =>
        InfoJson.Serialize(InfoDocumentV3Builder.Build(Small, new InfoOptions(baseUri, ServerLimits.Unlimited)));

    [Test]
    [Description("https://iiif.io/api/image/3.0/#52-technical-properties: the id is written exactly as requested; '/' and percent-escapes are not re-escaped")]
    public void Serialize_EncodedIdentifier_Verbatim()
    {
        Assert.That(SerializeV3("https://example.org/iiif/3/ark:%2F12025%2F654xz321"),
            Does.Contain("\"id\":\"https://example.org/iiif/3/ark:%2F12025%2F654xz321\""));
    }

    [Test]
    [Description("HTML-sensitive characters are escaped so a browser rendering the JSON cannot be fed markup")]
    public void Serialize_HtmlCharacters_Escaped()
    {
        var json = SerializeV3("https://example.org/iiif/3/a<script>&'b");
        Assert.That(json, Does.Not.Contain("<script>"));
        Assert.That(json, Does.Contain("a\\u003Cscript\\u003E\\u0026\\u0027b"));
    }

    [Test]
    [Description("Non-ASCII text (attribution, labels) stays readable UTF-8")]
    public void Serialize_NonAscii_KeptAsUtf8()
    {
        var options = new InfoOptions("https://example.org/iiif/2/abc", ServerLimits.Unlimited)
        {
            V2 = new InfoPassthroughV2 { Attribution = "Bibliothèque nationale" },
        };
        var json = InfoJson.Serialize(InfoDocumentV2Builder.Build(Small, options));
        Assert.That(json, Does.Contain("\"attribution\":\"Bibliothèque nationale\""));
    }

    [Test]
    [Description("Compact output, and the byte form equals the string form")]
    public void SerializeToUtf8Bytes_SameAsStringAndCompact()
    {
        var document = InfoDocumentV3Builder.Build(Large, Options(ServerLimits.Unlimited));
        var text = InfoJson.Serialize(document);
        Assert.That(Encoding.UTF8.GetString(InfoJson.SerializeToUtf8Bytes(document)), Is.EqualTo(text));
        Assert.That(text, Does.Not.Contain("\n").And.Not.Contain(": "));
    }

    [Test]
    [Description("The shared options cannot be changed by a caller")]
    public void SerializerOptions_ReadOnly()
    {
        Assert.That(InfoJson.SerializerOptions.IsReadOnly, Is.True);
    }
}

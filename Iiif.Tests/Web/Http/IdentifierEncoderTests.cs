using Iiif.Web.Http;

namespace Iiif.Tests.Web.Http;

[TestFixture]
public class IdentifierEncoderTests
{
    [TestCase("67352ccc-d1b0-11e1-89ae-279075081939", "67352ccc-d1b0-11e1-89ae-279075081939", Description = "ordinary ids unchanged")]
    [TestCase("ark:/12025/654xz321", "ark:%2F12025%2F654xz321", Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: '/' encoded, ':' kept")]
    [TestCase("a?b#c[d]e@f%g", "a%3Fb%23c%5Bd%5De%40f%25g", Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: / ? # [ ] @ % encoded")]
    [TestCase("Öl bild", "%C3%96l%20bild", Description = "https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: non-ASCII as UTF-8")]
    [TestCase("smile😀", "smile%F0%9F%98%80")]
    [TestCase("a<b>c\\d^e`f", "a%3Cb%3Ec%5Cd%5Ee%60f")]
    public void Encode_Identifier_EncodesAsClientsMust(string identifier, string expected) =>
        Assert.That(IdentifierEncoder.Encode(identifier), Is.EqualTo(expected));
}

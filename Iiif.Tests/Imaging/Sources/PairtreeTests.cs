using Iiif.Imaging.Sources;

namespace Iiif.Tests.Imaging.Sources;

[TestFixture]
public class PairtreeTests
{
    [TestCase("ark:/13030/xt12t3", "ark+=13030=xt12t3")]
    [TestCase("http://n2t.info/urn:nbn:se:kb:repos-1", "http+==n2t,info=urn+nbn+se+kb+repos-1")]
    [TestCase("what-the-*@?#!^!?", "what-the-^2a@^3f#!^5e!^3f")]
    [TestCase("\"*+,<=>?\\^|", "^22^2a^2b^2c^3c^3d^3e^3f^5c^5e^7c")]
    [TestCase("tab\there~", "tab^09here~")]
    [TestCase("é", "^c3^a9")]
    [Description("Pairtree spec §3: hex-encode bytes outside 0x21-0x7E and \"*+,<=>?\\^|, then / -> =, : -> +, . -> ,.")]
    public void Clean_SpecExamples_AreMapped(string identifier, string cleaned)
    {
        Assert.That(Pairtree.Clean(identifier), Is.EqualTo(cleaned));
        Assert.That(Pairtree.Unclean(cleaned), Is.EqualTo(identifier));
    }

    [TestCase("a/b")]
    [TestCase("a.b")]
    [TestCase("^zz")]
    [TestCase("^2")]
    [TestCase("a b")]
    [TestCase("^ff")]
    public void Unclean_NotACleanedId_ReturnsNull(string cleaned)
    {
        Assert.That(Pairtree.Unclean(cleaned), Is.Null);
    }

    [TestCase("abcd", "ab/cd")]
    [TestCase("abcde", "ab/cd/e")]
    [TestCase("a", "a")]
    [TestCase("ark+=13030=xt12t3", "ar/k+/=1/30/30/=x/t1/2t/3")]
    [Description("Pairtree spec §2: two-character shorties, the last possibly one character.")]
    public void ShortyPath_SplitsInPairs(string cleaned, string expected)
    {
        Assert.That(Pairtree.ShortyPath(cleaned), Is.EqualTo(expected));
    }
}

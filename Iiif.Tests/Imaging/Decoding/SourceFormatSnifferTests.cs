using Iiif.Imaging.Decoding;

namespace Iiif.Tests.Imaging.Decoding;

[TestFixture]
public class SourceFormatSnifferTests
{
    [TestCase("0000000C6A5020200D0A870A00000014", SourceFormat.Jp2)]
    [TestCase("FF4FFF51002F", SourceFormat.J2k)]
    [TestCase("49492A0008000000", SourceFormat.Tiff)]
    [TestCase("4D4D002A00000008", SourceFormat.Tiff)]
    [TestCase("49492B0008000000", SourceFormat.Tiff, Description = "BigTIFF, little-endian")]
    [TestCase("4D4D002B00080000", SourceFormat.Tiff, Description = "BigTIFF, big-endian")]
    [TestCase("FFD8FFE000104A464946", SourceFormat.Jpeg)]
    [TestCase("FFD8FFE1", SourceFormat.Jpeg)]
    [TestCase("89504E470D0A1A0A0000000D49484452", SourceFormat.Png)]
    [TestCase("474946383761", SourceFormat.Gif)]
    [TestCase("474946383961", SourceFormat.Gif)]
    [TestCase("524946461A00000057454250565038", SourceFormat.Webp)]
    [TestCase("424D3600000000000000", SourceFormat.Bmp)]
    [Description("Formats are told by their signatures, not by file extension.")]
    public void Detect_Signature_GivesFormat(string hex, SourceFormat expected)
    {
        Assert.That(SourceFormatSniffer.Detect(Convert.FromHexString(hex)), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("00")]
    [TestCase("0000000C6A502020")]
    [TestCase("FF4F")]
    [TestCase("FFD8")]
    [TestCase("89504E47")]
    [TestCase("4949")]
    [TestCase("524946461A00000057415645666D7420")]
    [TestCase("52494646")]
    [TestCase("474946383861")]
    [TestCase("3C3F786D6C")]
    [Description("Truncated signatures, RIFF/WAVE and text are not image formats we read.")]
    public void Detect_NoKnownSignature_GivesUnknown(string hex)
    {
        Assert.That(SourceFormatSniffer.Detect(Convert.FromHexString(hex)), Is.EqualTo(SourceFormat.Unknown));
    }
}

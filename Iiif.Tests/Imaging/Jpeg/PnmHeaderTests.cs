using Iiif.Imaging.Jpeg;

namespace Iiif.Tests.Imaging.Jpeg;

[TestFixture]
public class PnmHeaderTests
{
    [TestCase("P6\n30000 1024\n255\nX", "P6", 30000, 1024)]
    [TestCase("P5 7 3 255 X", "P5", 7, 3)]
    [TestCase("P6\n# a comment\n2 2\n255\nX", "P6", 2, 2)]
    [Description("Netpbm headers: whitespace-separated fields, comments, one whitespace byte before the samples.")]
    public void Read_Header_LeavesTheStreamAtTheFirstSample(string text, string magic, int width, int height)
    {
        using var stream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text));

        var header = PnmHeader.Read(stream);

        Assert.That(header, Is.EqualTo(new PnmHeader(magic, width, height, 255)));
        Assert.That(stream.ReadByte(), Is.EqualTo('X'));
    }

    [Test]
    public void Read_EndsEarly_ThrowsEndOfStream()
    {
        using var stream = new MemoryStream("P6\n30"u8.ToArray());

        Assert.Throws<EndOfStreamException>(() => PnmHeader.Read(stream));
    }

    [TestCase("P6\nabc 2\n255\n")]
    [TestCase("P6\n12345678901 2\n255\n")]
    public void Read_Malformed_ThrowsInvalidData(string text)
    {
        using var stream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text));

        Assert.Throws<InvalidDataException>(() => PnmHeader.Read(stream));
    }
}

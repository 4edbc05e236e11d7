using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Sources;

/// <summary>The tile-part index read from TLM markers: the SOT segments it answers are the file's own bytes, every read
/// is capped at the end of its header or tile-part, and a region's ranges are the tile-parts of the tiles it touches.</summary>
[TestFixture]
public class TilePartIndexTests
{
    [TestCase(TestImageFactory.RgbTiled)]
    [TestCase(TestImageFactory.RgbLossy)]
    [TestCase(TestImageFactory.RawJ2k)]
    [TestCase(TestImageFactory.Origin)]
    public void AnsweredSotSegments_AreTheFilesOwnBytes(string name)
    {
        var bytes = File.ReadAllBytes(TestImageFactory.PathOf(name));
        var index = TilePartIndex.TryRead(bytes, bytes.Length);

        Assert.That(index, Is.Not.Null, "our encoder writes TLM markers");
        var position = index!.HeaderEnd;
        var parts = 0;
        while (position < index.CodestreamEnd)
        {
            var answer = new byte[12];
            Assert.That(index.TryAnswer(position, answer), Is.EqualTo(12));
            Assert.That(answer, Is.EqualTo(bytes.AsSpan((int)position, 12).ToArray()), $"SOT at {position}");
            Assert.That(index.Limit(position + 12, int.MaxValue), Is.EqualTo(ReadUInt32(bytes, position + 6) - 12), "capped at the tile-part's end");
            position += ReadUInt32(bytes, position + 6);
            parts++;
        }

        Assert.That(position, Is.EqualTo(index.CodestreamEnd));
        Assert.That(bytes[(int)position..(int)(position + 2)], Is.EqualTo(new byte[] { 0xFF, 0xD9 }), "EOC follows the last tile-part");
        Assert.That(parts, Is.GreaterThan(1));
        Assert.That(index.Limit(0, int.MaxValue), Is.EqualTo(index.HeaderEnd));
    }

    [Test]
    public void RangesFor_ARegion_AreTheTilePartsOfTheTilesItTouches()
    {
        // 640x480 in 256 px tiles: 3 columns, 2 rows.
        var bytes = File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbTiled));
        var index = TilePartIndex.TryRead(bytes, bytes.Length)!;

        var one = index.RangesFor(new PixelRect(300, 10, 100, 100)).Skip(index.HeaderRanges.Count).ToList();
        var four = index.RangesFor(new PixelRect(200, 200, 100, 100)).Skip(index.HeaderRanges.Count).ToList();

        Assert.That(one, Has.Count.EqualTo(1));
        Assert.That(four, Has.Count.EqualTo(4));
        Assert.That(index.HeaderRanges[0].Offset, Is.Zero);
    }

    [Test]
    public void TryRead_WithoutTlm_IsNull()
    {
        var bytes = File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbTiled));
        Assert.That(TilePartIndex.TryRead(bytes.AsSpan(0, 100), bytes.Length), Is.Null, "the header does not end within the bytes given");
        Assert.That(TilePartIndex.TryRead("not a jpeg 2000 file"u8, 100), Is.Null);
    }

    private static long ReadUInt32(byte[] bytes, long at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)at));
}

using System.Buffers.Binary;
using Iiif.Core.Geometry;
using Iiif.Imaging;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>A JPEG 2000 file cut short (an interrupted copy): what its intact tiles hold is still served, exactly as from
/// the whole file; a region needing a tile the file no longer has fails, saying which tile and why. The test image has
/// 3 x 2 tiles of 256 pixels, written in tile order.</summary>
[TestFixture]
public class Jpeg2000TruncatedFileTests
{
    private static readonly PixelRect TopRow = new(0, 0, 640, 256);

    private readonly Jpeg2000Reader _reader = new();

    private static byte[] WholeFile => File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbTiled));

    [TestCase(0, 0)]
    [TestCase(0, 2)]
    [TestCase(3, 0)]
    [Description("Issue #13: cut right where tile 3 starts, the first row of tiles decodes as from the whole file.")]
    public void Decode_CutAfterTheFirstRow_FirstRowExact(int unusedTiles, int reduce)
    {
        var whole = WholeFile;
        var cut = whole[..TilePartStart(whole, 3)];
        var region = unusedTiles == 0 ? TopRow : new PixelRect(300, 10, 200, 100);

        using var expected = Decode(whole, region, reduce);
        using var actual = Decode(cut, region, reduce);

        Assert.That(PixelData.Of(actual).Samples, Is.EqualTo(PixelData.Of(expected).Samples));
    }

    [Test]
    public void Decode_CutAfterTheFirstRow_RegionInAMissingTileFailsNamingIt()
    {
        var whole = WholeFile;
        var cut = whole[..TilePartStart(whole, 3)];

        var error = Assert.Throws<ImageDecodeException>(() => Decode(cut, new PixelRect(10, 300, 100, 100), 0));

        Assert.That(error!.RegionOnly, Is.True, "other regions of the same file still decode");
        Assert.That(error.Message, Does.Contain("tile 3 (of 6)").And.Contain("truncated"));
        Assert.That(error.DecoderMessages, Has.Some.StartsWith("error: "));
    }

    [Test]
    [Description("A cut inside the last tile: non-strict decoding gives what that tile still holds; the rest is exact.")]
    public void Decode_CutInsideTheLastTile_WholeImageDecodes()
    {
        var whole = WholeFile;
        var lastTile = TilePartStart(whole, 5);
        var cut = whole[..(lastTile + ((whole.Length - lastTile) / 2))];

        using var expected = Decode(whole, TopRow, 0);
        using var image = Decode(cut, new PixelRect(0, 0, 640, 480), 0);

        Assert.That((image.Width, image.Height), Is.EqualTo((640, 480)));
        Assert.That(PixelData.Of(image, TopRow).Samples, Is.EqualTo(PixelData.Of(expected).Samples));
    }

    [Test]
    public void TilesIn_RegionAcrossTiles_ListsEachOverlappedTileClippedToTheImage()
    {
        using var stream = File.OpenRead(TestImageFactory.PathOf(TestImageFactory.RgbTiled));
        var facts = Jpeg2000Reader.ReadFacts(stream);

        var tiles = TilewiseDecode.TilesIn(facts, new PixelRect(250, 250, 300, 20)).ToList();

        Assert.That(tiles, Is.EqualTo(new[]
        {
            (0, new PixelRect(0, 0, 256, 256)), (1, new PixelRect(256, 0, 256, 256)), (2, new PixelRect(512, 0, 128, 256)),
            (3, new PixelRect(0, 256, 256, 224)), (4, new PixelRect(256, 256, 256, 224)), (5, new PixelRect(512, 256, 128, 224)),
        }));
    }

    /// <summary>Offset of the first tile-part of <paramref name="tile"/>, found by following the SOT markers' Psot lengths.</summary>
    internal static int TilePartStart(byte[] file, int tile)
    {
        var markers = CodestreamMarkers.Read(file);
        var offset = CodestreamMarkers.CodestreamStart(file) + 2 + markers.MainHeader.Sum(s => 4 + s.Body.Length);
        while (BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset)) == CodestreamMarkers.Sot)
        {
            if (BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4)) == tile)
            {
                return offset;
            }

            offset += (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset + 6));
        }

        throw new InvalidDataException($"No tile-part of tile {tile}.");
    }

    private Image Decode(byte[] file, PixelRect region, int reduce)
    {
        using var stream = new MemoryStream(file);
        return _reader.Decode(stream, region, reduce);
    }
}

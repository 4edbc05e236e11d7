using Iiif.Imaging.Decoding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Imaging.Decoding;

[TestFixture]
public class TiffLayoutTests
{
    [TestCase(true)]
    [TestCase(false)]
    [Description("TIFF 6.0 §15: a TileWidth tag (322) in the first directory marks a tiled image, in either byte order")]
    public void IsTiled_DirectoryWithTileWidth_IsTrue(bool littleEndian)
    {
        using var stream = new MemoryStream(MinimalTiff(littleEndian, tags: [256, 257, 322, 323]));
        Assert.That(TiffLayout.IsTiled(stream), Is.True);
    }

    [Test]
    [Description("ImageSharp writes strip TIFF: no TileWidth tag")]
    public void IsTiled_StripTiffFromImageSharp_IsFalse()
    {
        using var image = new Image<Rgb24>(32, 16);
        using var stream = new MemoryStream();
        image.Save(stream, new TiffEncoder());
        stream.Position = 0;
        Assert.That(TiffLayout.IsTiled(stream), Is.False);
    }

    [TestCase(new byte[0])]
    [TestCase(new byte[] { 0x49, 0x49, 0x2A, 0x00 })]
    [TestCase(new byte[] { 0x49, 0x49, 0x2A, 0x00, 0xFF, 0xFF, 0xFF, 0x7F })]
    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    [Description("Truncated, out-of-range or non-TIFF input is not called tiled (the decoder reports its own error)")]
    public void IsTiled_UnreadableInput_IsFalse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        Assert.That(TiffLayout.IsTiled(stream), Is.False);
    }

    [Test]
    [Description("A tiled TIFF is refused at identify time with a reason, so info.json never advertises an image whose tiles fail")]
    public void Identify_TiledTiff_ThrowsUnsupportedWithReason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tiled-{Guid.NewGuid():N}.tif");
        File.WriteAllBytes(path, MinimalTiff(littleEndian: true, tags: [256, 257, 322, 323]));
        try
        {
            using var decoder = SourceImages.Decoder();
            var error = Assert.Throws<UnsupportedImageFormatException>(() => decoder.Identify(new FileSourceHandle(path), CancellationToken.None));
            Assert.That(error!.Message, Does.Contain("tiled TIFF"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A header and one directory whose entries carry only tag numbers (type SHORT, count 1, value 1).
    private static byte[] MinimalTiff(bool littleEndian, ushort[] tags)
    {
        var bytes = new List<byte>();
        bytes.AddRange(littleEndian ? "II"u8.ToArray() : "MM"u8.ToArray());
        bytes.AddRange(UInt16(42, littleEndian));
        bytes.AddRange(littleEndian ? [8, 0, 0, 0] : [0, 0, 0, 8]);
        bytes.AddRange(UInt16((ushort)tags.Length, littleEndian));
        foreach (var tag in tags)
        {
            bytes.AddRange(UInt16(tag, littleEndian));
            bytes.AddRange(UInt16(3, littleEndian));
            bytes.AddRange(littleEndian ? [1, 0, 0, 0] : [0, 0, 0, 1]);
            bytes.AddRange(littleEndian ? [1, 0, 0, 0] : [0, 1, 0, 0]);
        }

        bytes.AddRange([0, 0, 0, 0]);
        return [.. bytes];
    }

    private static byte[] UInt16(ushort value, bool littleEndian) =>
        littleEndian ? [(byte)value, (byte)(value >> 8)] : [(byte)(value >> 8), (byte)value];
}

using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Tiff;

/// <summary>A jpg request that is exactly one stored JPEG tile is answered with the stored bytes (tables and ICC profile
/// spliced in): the same bytes on every request, decoding with libjpeg (djpeg) to exactly libtiff's reading of the tile.
/// An edge tile is cut from its stored tile losslessly. Anything else is rendered.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public class TiffStoredTileTests
{
    [TestCase("jpeg-chain")]
    [TestCase("jpeg-subifd")]
    [TestCase("gray-jpeg-chain")]
    [TestCase("jpeg-icc-chain")]
    public void TryReadStoredTile_EveryWholeTile_IsStableAndDecodesToTheStoredPixels(string name)
    {
        var decoder = TiffDecoders.Create();
        var source = new FileSourceHandle(TiffTestImages.PathOf(name));
        var facts = decoder.FactsOf(source, CancellationToken.None);
        var info = decoder.Identify(source, CancellationToken.None);
        var served = 0;
        for (var index = 0; index < facts.Levels.Count; index++)
        {
            var level = facts.Levels[index];
            var reference = TiffReference.Load(TiffTestImages.ReferenceOf(name, index), facts.Main.Layout.OutputChannels, associatedAlpha: false);
            for (var y = 0; y + TiffTestImages.Tile <= level.Directory.Height; y += TiffTestImages.Tile)
            {
                for (var x = 0; x + TiffTestImages.Tile <= level.Directory.Width; x += TiffTestImages.Tile)
                {
                    var plan = TilePlan(info, level.Reduction, x, y, ImageFormat.Jpg);
                    var bytes = decoder.TryReadStoredTile(source, plan, CancellationToken.None);
                    Assert.That(bytes, Is.Not.Null, $"{name} r{level.Reduction} {x},{y}");
                    Assert.That(decoder.TryReadStoredTile(source, plan, CancellationToken.None), Is.EqualTo(bytes), "the same bytes every time");
                    var pixels = DecodeWithLibjpeg(bytes!, facts.Main.Layout.OutputChannels);
                    Assert.That(pixels.MaxError(reference.Crop(new PixelRect(x, y, TiffTestImages.Tile, TiffTestImages.Tile))), Is.Zero, $"{name} r{level.Reduction} {x},{y}");
                    served++;
                }
            }
        }

        Assert.That(served, Is.EqualTo((7 * 5) + (3 * 2) + 1), "every whole tile of levels 0, 1 and 2");
    }

    [Test]
    [Description("The ICC profile travels with the stored tile, as it does in a rendered JPEG.")]
    public void TryReadStoredTile_IccPyramid_CarriesProfile()
    {
        var decoder = TiffDecoders.Create();
        var source = new FileSourceHandle(TiffTestImages.PathOf("jpeg-icc-chain"));
        var info = decoder.Identify(source, CancellationToken.None);

        var bytes = decoder.TryReadStoredTile(source, TilePlan(info, 0, 128, 256, ImageFormat.Jpg), CancellationToken.None);
        using var image = Image.Load(bytes);

        Assert.That(image.Metadata.IccProfile?.ToByteArray(), Is.EqualTo(SyntheticImages.TinyIccProfile()));
    }

    [TestCase("jpeg-chain", false, Description = "vips keeps full chroma at Q90")]
    [TestCase("jpeg-subifd", false)]
    [TestCase("gray-jpeg-chain", false)]
    [TestCase("jpeg-icc-chain", true, Description = "Q85: 4:2:0 chroma")]
    [Description("An edge tile is the top-left part of its padded stored tile, cut on the DCT coefficients: the same bytes " +
        "every time, every pixel as libtiff reads it except, with subsampled chroma, the last column and row, where the " +
        "colour no longer bleeds in from the padding and comes closer to the picture the pyramid was made from.")]
    public void TryReadStoredTile_EveryEdgeTile_IsCutLosslesslyFromTheStoredTile(string name, bool subsampled)
    {
        var decoder = TiffDecoders.Create();
        var source = new FileSourceHandle(TiffTestImages.PathOf(name));
        var facts = decoder.FactsOf(source, CancellationToken.None);
        var info = decoder.Identify(source, CancellationToken.None);
        var channels = facts.Main.Layout.OutputChannels;
        using var picture = channels == 1 ? null : SyntheticImages.Rgb(TiffTestImages.Width, TiffTestImages.Height);
        var (cut, closerToPicture) = (0, 0);
        for (var index = 0; index < facts.Levels.Count; index++)
        {
            var level = facts.Levels[index];
            var reference = TiffReference.Load(TiffTestImages.ReferenceOf(name, index), channels, associatedAlpha: false);
            for (var y = 0; y < level.Directory.Height; y += TiffTestImages.Tile)
            {
                for (var x = 0; x < level.Directory.Width; x += TiffTestImages.Tile)
                {
                    var inside = new PixelRect(x, y, Math.Min(TiffTestImages.Tile, level.Directory.Width - x), Math.Min(TiffTestImages.Tile, level.Directory.Height - y));
                    if (inside.Width == TiffTestImages.Tile && inside.Height == TiffTestImages.Tile)
                    {
                        continue;
                    }

                    var at = $"{name} r{level.Reduction} {x},{y} {inside.Width}x{inside.Height}";
                    var plan = TilePlan(info, level.Reduction, x, y, ImageFormat.Jpg);
                    var bytes = decoder.TryReadStoredTile(source, plan, CancellationToken.None);
                    if (plan.DecodedSize != new PixelSize(inside.Width, inside.Height))
                    {
                        // A level whose size is not the planner's rounding of the full image's: rendered.
                        Assert.That(bytes, Is.Null, at);
                        continue;
                    }

                    Assert.That(bytes, Is.Not.Null, at);
                    Assert.That(decoder.TryReadStoredTile(source, plan, CancellationToken.None), Is.EqualTo(bytes), "the same bytes every time");
                    var pixels = DecodeWithLibjpeg(bytes!, channels);
                    var expected = reference.Crop(inside);
                    var allButLast = new PixelRect(0, 0, inside.Width - 1, inside.Height - 1);
                    Assert.That((pixels.Width, pixels.Height), Is.EqualTo((inside.Width, inside.Height)), at);
                    Assert.That(pixels.Crop(allButLast).MaxError(expected.Crop(allButLast)), Is.Zero, at);
                    if (!subsampled)
                    {
                        Assert.That(pixels.MaxError(expected), Is.Zero, at);
                    }
                    else if (level.Reduction == 0)
                    {
                        var truth = PixelData.Of(picture!, inside);
                        Assert.That(EdgeError(pixels, truth), Is.LessThan(EdgeError(expected, truth)), at);
                        closerToPicture++;
                    }

                    cut++;
                }
            }
        }

        Assert.That(cut, Is.GreaterThanOrEqualTo(10), "edge tiles of every level but those the planner rounds otherwise");
        Assert.That(closerToPicture, subsampled ? Is.GreaterThanOrEqualTo(5) : Is.Zero);
    }

    [Test]
    [Description("A tile whose JPEG frame is not the directory's tile size is damaged: it goes to the render (libtiff), " +
        "never out as stored bytes of the wrong size.")]
    public void TryReadStoredTile_FrameNotTheTileSize_ReturnsNull()
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("jpeg-chain"));
        // SOF0 of a 128x128 three-component 8-bit tile: the first one in the file becomes 128 wide, 64 high.
        byte[] frame = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x80, 0x00, 0x80, 0x03];
        var at = bytes.AsSpan().IndexOf(frame);
        Assert.That(at, Is.GreaterThan(0));
        bytes[at + 6] = 0x40;
        var path = Path.Combine(TestImageFactory.Folder, $"wrong-frame-{Guid.NewGuid():N}.tif");
        File.WriteAllBytes(path, bytes);
        var decoder = TiffDecoders.Create();
        var source = new FileSourceHandle(path);
        var info = decoder.Identify(source, CancellationToken.None);

        var refused = 0;
        for (var y = 0; y + TiffTestImages.Tile <= TiffTestImages.Height; y += TiffTestImages.Tile)
        {
            for (var x = 0; x + TiffTestImages.Tile <= TiffTestImages.Width; x += TiffTestImages.Tile)
            {
                refused += decoder.TryReadStoredTile(source, TilePlan(info, 0, x, y, ImageFormat.Jpg), CancellationToken.None) is null ? 1 : 0;
            }
        }

        File.Delete(path);
        Assert.That(refused, Is.EqualTo(1));
    }

    [TestCase(64, 0, 0, Description = "off the tile grid")]
    [TestCase(0, 0, 4, Description = "a reduction no level stores")]
    public void TryReadStoredTile_NotAWholeStoredTile_ReturnsNull(int x, int y, int reduction)
    {
        var decoder = TiffDecoders.Create();
        var source = new FileSourceHandle(TiffTestImages.PathOf("jpeg-chain"));
        var info = decoder.Identify(source, CancellationToken.None);

        Assert.That(decoder.TryReadStoredTile(source, TilePlan(info, reduction, x, y, ImageFormat.Jpg), CancellationToken.None), Is.Null);
    }

    [TestCase("png")]
    [TestCase("gray")]
    [TestCase("mirror")]
    [TestCase("rotate")]
    [TestCase("resize")]
    [TestCase("deflate")]
    [TestCase("off")]
    public void TryReadStoredTile_PlanNeedsARender_ReturnsNull(string change)
    {
        var decoder = change == "off"
            ? new TiffSourceDecoder(Configuration.Default, new DecodedBlockCache(1 << 20), new SourceFactsCache(), new TiffTileIndexCache(), Options.Create(new TiffSourceDecoderOptions { StoredTilePassthrough = false }))
            : TiffDecoders.Create();
        var source = new FileSourceHandle(TiffTestImages.PathOf(change == "deflate" ? "deflate-chain" : "jpeg-chain"));
        var info = decoder.Identify(source, CancellationToken.None);
        var plan = TilePlan(info, 0, 128, 128, change == "png" ? ImageFormat.Png : ImageFormat.Jpg);
        plan = change switch
        {
            "gray" => plan with { Quality = ImageQuality.Gray },
            "mirror" => plan with { Mirror = true },
            "rotate" => plan with { Degrees = 90 },
            "resize" => plan with { ScaledSize = new PixelSize(100, 100) },
            _ => plan,
        };

        Assert.That(decoder.TryReadStoredTile(source, plan, CancellationToken.None), Is.Null);
    }

    /// <summary>The plan for the stored tile at (x, y) of the level at <paramref name="reduction"/>, in level pixels.</summary>
    private static RenderPlan TilePlan(ImageInfo info, int reduction, int x, int y, ImageFormat format)
    {
        var s = 1 << reduction;
        var region = new PixelRect(x * s, y * s, Math.Min(TiffTestImages.Tile * s, info.Width - (x * s)), Math.Min(TiffTestImages.Tile * s, info.Height - (y * s)));
        return RenderPlanBuilder.ForRegion(region.X, region.Y, region.Width, region.Height).ReducedBy(reduction).OnLevelsOf(info).As(format).Build();
    }

    /// <summary>The mean sample error along the last column and the last row.</summary>
    private static double EdgeError(PixelData actual, PixelData expected)
    {
        var column = new PixelRect(actual.Width - 1, 0, 1, actual.Height);
        var row = new PixelRect(0, actual.Height - 1, actual.Width, 1);
        return (actual.Crop(column).MeanAbsoluteError(expected.Crop(column)) * actual.Height
            + actual.Crop(row).MeanAbsoluteError(expected.Crop(row)) * actual.Width) / (actual.Width + actual.Height);
    }

    private static PixelData DecodeWithLibjpeg(byte[] jpeg, int channels)
    {
        var path = Path.Combine(TestImageFactory.Folder, $"stored-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, jpeg);
        // BMP rather than PNM: ImageSharp 2.1's PNM reader takes a first sample of 35 ('#') for a comment.
        ExternalTool.Run("djpeg", "-bmp", "-outfile", path + ".bmp", path);
        using var image = Image.Load(path + ".bmp");
        using var converted = channels == 1 ? (Image)image.CloneAs<SixLabors.ImageSharp.PixelFormats.L8>() : image.CloneAs<SixLabors.ImageSharp.PixelFormats.Rgb24>();
        File.Delete(path);
        File.Delete(path + ".bmp");
        return PixelData.Of(converted);
    }
}

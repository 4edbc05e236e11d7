using Iiif.Core.Geometry;
using Iiif.Core.Identifiers;
using Iiif.Core.Requests;
using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace Iiif.Tests.Imaging;

/// <summary>The renderer as AddIiifImaging wires it: decoder chosen by magic bytes, region decoded at the reduction,
/// finished and encoded; every decoder failure arrives as one <see cref="SourceDecodeException"/>.</summary>
[TestFixture]
public class ImageRendererTests
{
    private ServiceProvider _services = null!;
    private IImageRenderer _renderer = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _services = new ServiceCollection().AddIiifImaging().BuildServiceProvider();
        _renderer = _services.GetRequiredService<IImageRenderer>();
    }

    [OneTimeTearDown]
    public void TearDown() => _services.Dispose();

    [TestCase(true)]
    [TestCase(false)]
    [Description("Jpeg2000SourceDecoder reads by path when there is one, else through the stream.")]
    public void Identify_Jp2_ReportsHeaderFacts(bool withPath)
    {
        var info = _renderer.Identify(Jp2Handle(withPath), CancellationToken.None);

        Assert.That((info.Width, info.Height, info.ResolutionLevels, info.IsGrayscale), Is.EqualTo((640, 480, 5, false)));
        Assert.That(info.NativeTileSize, Is.EqualTo(new PixelSize(256, 256)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task RenderAsync_Jp2RegionAtReduction_EncodesPlannedSize(bool withPath)
    {
        var plan = RenderPlanBuilder.ForRegion(100, 50, 400, 300).ReducedBy(1).ScaledTo(150, 100).As(ImageFormat.Png).Build();
        using var output = new MemoryStream();

        await _renderer.RenderAsync(Jp2Handle(withPath), plan, output, CancellationToken.None);

        output.Position = 0;
        using var image = Image.Load(output, out var format);
        Assert.That((image.Width, image.Height, format), Is.EqualTo((150, 100, (SixLabors.ImageSharp.Formats.IImageFormat)PngFormat.Instance)));
    }

    [Test]
    public async Task RenderAsync_StripTiffSource_DecodesThroughLibtiff()
    {
        using var tiff = new MemoryStream();
        using (var source = SyntheticImages.Rgb(200, 100))
        {
            await source.SaveAsTiffAsync(tiff);
        }

        var plan = RenderPlanBuilder.ForImage(200, 100).ScaledTo(100, 50).Rotated(90).As(ImageFormat.Jpg).Build();
        using var output = new MemoryStream();

        await _renderer.RenderAsync(new BytesSourceHandle(tiff.ToArray()), plan, output, CancellationToken.None);

        output.Position = 0;
        using var image = Image.Load(output);
        Assert.That((image.Width, image.Height), Is.EqualTo((50, 100)));
    }

    [Test]
    [Description("A damaged JPEG 2000 body fails as SourceDecodeException (the web layer's one 500 type).")]
    public void RenderAsync_CorruptJp2_ThrowsSourceDecodeException()
    {
        var bytes = File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbTiled));
        Array.Fill(bytes, (byte)0x5A, 200, bytes.Length - 200);
        var plan = RenderPlanBuilder.ForImage(640, 480).As(ImageFormat.Png).Build();

        Assert.ThrowsAsync(Is.InstanceOf<SourceDecodeException>(),
            () => _renderer.RenderAsync(new BytesSourceHandle(bytes, "corrupt"), plan, Stream.Null, CancellationToken.None));
    }

    [Test]
    public void Identify_UnknownFormat_ThrowsSourceDecodeException()
    {
        var handle = new BytesSourceHandle("not an image at all"u8.ToArray());

        Assert.Throws(Is.InstanceOf<SourceDecodeException>(), () => _renderer.Identify(handle, CancellationToken.None));
    }

    private static ImageSourceHandle Jp2Handle(bool withPath)
    {
        var path = TestImageFactory.PathOf(TestImageFactory.RgbTiled);
        return withPath
            ? new FileSystemImageSourceHandle(new ImageIdentifier("rgb"), new FileInfo(path))
            : new BytesSourceHandle(File.ReadAllBytes(path));
    }
}

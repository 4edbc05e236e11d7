using Iiif.Imaging.Decoding;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Decoding;

[TestFixture]
public class DecoderSelectorTests
{
    private static readonly byte[] Jp2Header = Convert.FromHexString("0000000C6A5020200D0A870A00000014667479706A703220");

    [Test]
    [Description("JPEG 2000 signatures go to the JPEG 2000 decoder, whatever else is registered.")]
    public void Select_Jp2Signature_PicksJpeg2000Decoder()
    {
        using var imageSharp = SourceImages.Decoder();
        var jpeg2000 = FakeJpeg2000Decoder();
        var selector = new DecoderSelector([imageSharp, jpeg2000]);

        Assert.That(selector.Select(new BytesSourceHandle(Jp2Header)), Is.SameAs(jpeg2000));
        Assert.That(selector.Select(new BytesSourceHandle(Convert.FromHexString("FF4FFF51002F"))), Is.SameAs(jpeg2000));
    }

    [Test]
    public void Select_Jp2WithoutJpeg2000Decoder_ThrowsUnsupported()
    {
        using var imageSharp = SourceImages.Decoder();
        var selector = new DecoderSelector([imageSharp]);

        Assert.That(() => selector.Select(new BytesSourceHandle(Jp2Header)), Throws.TypeOf<UnsupportedImageFormatException>());
    }

    [Test]
    [Description("Magic bytes, not the extension: a PNG saved as .jpg is decoded as PNG.")]
    public async Task Select_PngNamedJpg_DecodesAsPng()
    {
        using var folder = new Sources.TempSourceRoot();
        using (var image = Quadrants(8, 8))
        {
            folder.Write("photo.jpg", SourceImages.Encode(image, SourceFormat.Png));
        }

        var handle = await Sources.TempSourceRoot.ResolveAsync(folder.Source(), "photo");
        using var imageSharp = SourceImages.Decoder();
        var selector = new DecoderSelector([FakeJpeg2000Decoder(), imageSharp]);

        var decoder = selector.Select(handle!);
        using var decoded = decoder.Decode(handle!, RenderPlanBuilder.ForImage(8, 8).Build(), CancellationToken.None);

        Assert.That(decoder, Is.SameAs(imageSharp));
        Assert.That(Corners(decoded), Is.EqualTo(new[] { Opaque(Red), Opaque(Green), Opaque(Blue), Opaque(Yellow) }));
    }

    [TestCase("3C21444F43545950452068746D6C3E")]
    [TestCase("00")]
    [TestCase("25504446")]
    [Description("Unknown bytes fail with the typed error the server reports as its own fault.")]
    public void Select_Garbage_ThrowsUnsupported(string hex)
    {
        using var imageSharp = SourceImages.Decoder();
        var selector = new DecoderSelector([imageSharp, FakeJpeg2000Decoder()]);

        var error = Assert.Throws<UnsupportedImageFormatException>(() => selector.Select(new BytesSourceHandle(Convert.FromHexString(hex))));

        Assert.That(error!, Is.InstanceOf<SourceDecodeException>());
        Assert.That(error!.Message, Does.Contain("test"));
    }

    [Test]
    public void Select_ZeroBytes_ThrowsUnsupported()
    {
        using var imageSharp = SourceImages.Decoder();
        var selector = new DecoderSelector([imageSharp]);

        var error = Assert.Throws<UnsupportedImageFormatException>(() => selector.Select(new BytesSourceHandle([])));

        Assert.That(error!.Message, Does.Contain("empty"));
    }

    [Test]
    [Description("Decoders see at most 16 header bytes, and only the bytes a short source has.")]
    public void Select_HeaderLength_IsSixteenOrTheSourceLength()
    {
        var probe = new FakeFormatDecoder("probe");
        var selector = new DecoderSelector([probe]);

        Assert.Throws<UnsupportedImageFormatException>(() => selector.Select(new BytesSourceHandle([0x01, 0x02, 0x03])));
        Assert.Throws<UnsupportedImageFormatException>(() => selector.Select(new BytesSourceHandle(new byte[100])));
        Assert.That(probe.HeaderLengths, Is.EqualTo(new[] { 3, 16 }));
    }

    [Test]
    [Description("Decoders are asked in registration order; the first that claims the bytes wins.")]
    public void Select_TwoClaimants_FirstRegisteredWins()
    {
        var first = new FakeFormatDecoder("first", SourceFormat.Png);
        var second = new FakeFormatDecoder("second", SourceFormat.Png);
        var selector = new DecoderSelector([first, second]);

        Assert.That(selector.Select(new BytesSourceHandle(Convert.FromHexString("89504E470D0A1A0A"))), Is.SameAs(first));
    }

    private static FakeFormatDecoder FakeJpeg2000Decoder() => new("jpeg2000", SourceFormat.Jp2, SourceFormat.J2k);
}

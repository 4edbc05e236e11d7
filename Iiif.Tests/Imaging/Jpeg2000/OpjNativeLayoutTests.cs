using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>The mirrored structs keep the sizes sizeof() reports for openjpeg.h 2.5.0 on x64, and the library loaded
/// is the 2.5 series they were checked against. (Field offsets were checked with offsetof in C; the round-trip tests
/// exercise every field used.)</summary>
[TestFixture]
public class OpjNativeLayoutTests
{
    [Test]
    public void Structs_HaveTheSizesOfTheCHeader()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Unsafe.SizeOf<OpjImage>(), Is.EqualTo(48));
            Assert.That(Unsafe.SizeOf<OpjImageComponent>(), Is.EqualTo(64));
            Assert.That(Unsafe.SizeOf<OpjComponentParameters>(), Is.EqualTo(36));
            Assert.That(Unsafe.SizeOf<OpjCodestreamInfo>(), Is.EqualTo(72));
            Assert.That(Unsafe.SizeOf<OpjTileComponentInfo>(), Is.EqualTo(1080));
            Assert.That(Unsafe.SizeOf<OpjDecoderParameters>(), Is.EqualTo(8252));
            Assert.That(Unsafe.SizeOf<OpjEncoderParameters>(), Is.EqualTo(18720));
        });
    }

    [Test]
    public void Library_IsOpenJpeg25()
    {
        var version = Marshal.PtrToStringUTF8(NativeMethods.Version());

        Assert.That(version, Does.StartWith("2.5."));
    }
}

using Iiif.Core.Info;
using Iiif.Imaging.Decoding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Iiif.Tests.Imaging.PatternImages;

namespace Iiif.Tests.Imaging.Decoding;

[TestFixture]
public class DecodedImageCacheTests
{
    private const long ImageBytes = 10 * 10 * 3;

    [Test]
    [Description("An image evicted while a request still reads it stays usable, and is disposed after the last lease.")]
    public void Acquire_EvictedWhileLeased_DisposedOnlyAfterRelease()
    {
        using var cache = new DecodedImageCache(ImageBytes);
        var first = Solid(10, 10, Red);
        var lease = cache.Acquire(Key("a"), ImageBytes, () => first);

        using (cache.Acquire(Key("b"), ImageBytes, () => Solid(10, 10, Green)))
        {
            Assert.That(cache.TryAcquire(Key("a")), Is.Null, "a was evicted to make room for b");
            Assert.That(((Image<Rgb24>)lease.Image)[5, 5], Is.EqualTo(Red), "still readable while leased");
        }

        lease.Dispose();
        Assert.That(() => first.CloneAs<Rgba32>(), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    [Description("A failed decode is not cached: the next request decodes again.")]
    public void Acquire_DecodeFails_NextRequestRetries()
    {
        using var cache = new DecodedImageCache(ImageBytes);

        Assert.Throws<SourceDecodeException>(() => cache.Acquire(Key("a"), ImageBytes, () => throw new SourceDecodeException("bad")));
        using var lease = cache.Acquire(Key("a"), ImageBytes, () => Solid(10, 10, Blue));

        Assert.That(cache.DecodeCount, Is.EqualTo(2));
        Assert.That(((Image<Rgb24>)lease.Image)[0, 0], Is.EqualTo(Blue));
    }

    [Test]
    public void Acquire_EstimateDiffersFromImage_ChargesTheRealSize()
    {
        using var cache = new DecodedImageCache(1_000_000);

        using (cache.Acquire(Key("a"), 999_999, () => Solid(10, 10, Red)))
        {
            Assert.That(cache.UsedBytes, Is.EqualTo(ImageBytes));
        }
    }

    [Test]
    public void TryAcquire_SameLocationOtherVersion_Misses()
    {
        using var cache = new DecodedImageCache(1_000_000);
        using (cache.Acquire(Key("a", ticks: 1), ImageBytes, () => Solid(10, 10, Red)))
        {
        }

        Assert.That(cache.TryAcquire(Key("a", ticks: 2)), Is.Null);
        using var hit = cache.TryAcquire(Key("a", ticks: 1));
        Assert.That(hit, Is.Not.Null);
    }

    [Test]
    public void Dispose_WithOpenLease_KeepsImageUntilReleased()
    {
        var image = Solid(10, 10, Red);
        var cache = new DecodedImageCache(1_000_000);
        var lease = cache.Acquire(Key("a"), ImageBytes, () => image);

        cache.Dispose();
        Assert.That(((Image<Rgb24>)lease.Image)[1, 1], Is.EqualTo(Red));
        lease.Dispose();
        lease.Dispose();

        Assert.That(() => image.CloneAs<Rgba32>(), Throws.InstanceOf<ObjectDisposedException>());
    }

    private static DecodedImageKey Key(string location, long ticks = 1) =>
        new(location, new SourceVersion(new DateTimeOffset(ticks, TimeSpan.Zero), 100));
}

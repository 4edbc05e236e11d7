using Iiif.Imaging.Jpeg;
using Iiif.Tests.Imaging;
using Iiif.Tests.Imaging.Jpeg;
using Iiif.Tests.TestUtilities;
using Iiif.Tests.Web.Configuration;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>jpg output through TurboJPEG, over HTTP: the same bytes and ETag for the same request on any server, the
/// progressive option, ICC profiles carried from the source, and the gray and bitonal qualities as one-channel JPEG.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class JpegOutputTests
{
    private static readonly string[] Requests =
    [
        "/iiif/3/tagged-jpg/100,50,300,200/max/0/default.jpg",
        "/iiif/3/tagged-jpg/full/150,/0/default.jpg",
        "/iiif/3/tagged-jpg/full/max/90/gray.jpg",
        "/iiif/3/square-jp2/0,0,512,512/256,/0/default.jpg",
        "/iiif/3/icc-jp2/full/max/0/color.jpg",
    ];

    private static readonly byte[] Profile = TestIccProfiles.MinimalRgb();

    [Test]
    [Description("Derivative cache keys and ETags assume a request renders to the same bytes wherever it is rendered.")]
    public async Task Get_SameRequestOnTwoServers_SameBytesAndETag()
    {
        await using var first = await RunningHost.StartAsync(AddImages);
        await using var second = await RunningHost.StartAsync(AddImages);

        foreach (var target in Requests)
        {
            var a = await RawHttp.SendAsync(first.BaseUri, "GET", target);
            var b = await RawHttp.SendAsync(second.BaseUri, "GET", target);

            Assert.That(a.Status, Is.EqualTo(200), target);
            Assert.That(b.Body, Is.EqualTo(a.Body), target);
            Assert.That(b.Header("ETag"), Is.EqualTo(a.Header("ETag")), target);
            Assert.That(JpegTestFiles.Frame(a.Body).Marker, Is.EqualTo(0xC0), "baseline by default");
        }
    }

    [Test]
    [Description("imaging.jpegProgressive writes progressive JPEG, under other cache keys and ETags: a cache folder "
        + "filled with baseline tiles never answers a progressive server.")]
    public async Task Get_ProgressiveOption_WritesProgressiveUnderOtherKeys()
    {
        var shared = Directory.CreateTempSubdirectory("iiif-shared-cache-").FullName;
        try
        {
            var cache = "--cache:root=" + shared;
            string baselineETag;
            await using (var baseline = await RunningHost.StartAsync(AddImages, cache))
            {
                var response = await RawHttp.SendAsync(baseline.BaseUri, "GET", Requests[0]);
                baselineETag = response.Header("ETag")!;
                Assert.That(JpegTestFiles.Frame(response.Body).Marker, Is.EqualTo(0xC0));
            }

            await using var progressive = await RunningHost.StartAsync(AddImages, cache, "--imaging:jpegProgressive=true");
            var second = await RawHttp.SendAsync(progressive.BaseUri, "GET", Requests[0]);

            Assert.That(second.Status, Is.EqualTo(200));
            Assert.That(JpegTestFiles.Frame(second.Body).Marker, Is.EqualTo(0xC2));
            Assert.That(second.Header("ETag"), Is.Not.EqualTo(baselineETag));
            using var decoded = Image.Load<Rgb24>(second.Body);
            Assert.That(decoded.Size(), Is.EqualTo(new Size(300, 200)));
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    [TestCase("/iiif/3/tagged-jpg/100,50,300,200/max/0/default.jpg")]
    [TestCase("/iiif/3/tagged-jpg/full/75,/0/default.jpg")]
    [TestCase("/iiif/3/icc-jp2/full/max/0/default.jpg")]
    [Description("The source's ICC profile is embedded in jpg output, as before.")]
    public async Task Get_SourceWithIccProfile_EmbedsIt(string target)
    {
        await using var host = await RunningHost.StartAsync(AddImages);

        var response = await RawHttp.SendAsync(host.BaseUri, "GET", target);

        Assert.That(response.Status, Is.EqualTo(200));
        var expected = target.Contains("icc-jp2", StringComparison.Ordinal) ? SyntheticImages.TinyIccProfile() : Profile;
        Assert.That(JpegMarkerReader.Read(response.Body)?.IccProfile, Is.EqualTo(expected));
    }

    [TestCase("gray")]
    [TestCase("bitonal")]
    [Description("Gray and bitonal stay one-channel JPEG; bitonal pixels are black or white (give or take ringing).")]
    public async Task Get_GrayAndBitonal_AreOneComponent(string quality)
    {
        await using var host = await RunningHost.StartAsync(AddImages);

        var response = await RawHttp.SendAsync(host.BaseUri, "GET", $"/iiif/3/tagged-jpg/full/max/0/{quality}.jpg");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(JpegTestFiles.Frame(response.Body).ComponentCount, Is.EqualTo(1));
        Assert.That(JpegMarkerReader.Read(response.Body)?.IccProfile, Is.Null, "an RGB profile would mislabel gray data");
        if (quality == "bitonal")
        {
            using var decoded = Image.Load<L8>(response.Body);
            var samples = PixelData.Of(decoded).Samples;
            Assert.That(samples.Count(s => s is > 40 and < 215), Is.LessThan(samples.Length / 50));
        }
    }

    private static void AddImages(WebTestFolder folder)
    {
        IiifTestImages.CopyInto(folder.ImagesDirectory);
        using var image = JpegTestFiles.WithIcc(SyntheticImages.Rgb(600, 400), Profile);
        image.Save(Path.Combine(folder.ImagesDirectory, "tagged-jpg.jpg"), new JpegEncoder { Quality = 92 });
        File.Copy(TestImageFactory.PathOf(TestImageFactory.IccRgba), Path.Combine(folder.ImagesDirectory, "icc-jp2.jp2"));

        // The same source version (modification time and length) on every server, as on a shared image store.
        foreach (var file in Directory.EnumerateFiles(folder.ImagesDirectory, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        }
    }
}

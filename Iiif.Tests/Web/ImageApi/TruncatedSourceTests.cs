using System.Net;
using Iiif.Tests.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>Issue #13: a JPEG 2000 cut short after its first row of tiles (3 x 2 tiles of 256 px), over HTTP.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class TruncatedSourceTests
{
    [Test]
    public async Task TruncatedJp2_IntactTilesServed_MissingOnes500WithTheReasonLoggedAndRemembered()
    {
        await using var host = await RunningHost.StartAsync(folder =>
        {
            var whole = File.ReadAllBytes(TestImageFactory.PathOf(TestImageFactory.RgbTiled));
            File.WriteAllBytes(Path.Combine(folder.ImagesDirectory, "cut.jp2"), whole[..Jpeg2000TruncatedFileTests.TilePartStart(whole, 3)]);
        });

        using var info = await host.GetAsync("/iiif/3/cut/info.json");
        using var intact = await host.GetAsync("/iiif/3/cut/0,0,256,256/256,/0/default.png");
        using var missing = await host.GetAsync("/iiif/3/cut/0,256,256,224/256,/0/default.png");
        using var whole = await host.GetAsync("/iiif/3/cut/full/max/0/default.jpg");
        using var wholeAgain = await host.GetAsync("/iiif/3/cut/full/max/0/default.jpg");
        var log = await host.StopAndReadLogAsync();

        Assert.Multiple(() =>
        {
            Assert.That(info.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(intact.StatusCode, Is.EqualTo(HttpStatusCode.OK), "tile 0 is intact");
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(whole.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(wholeAgain.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            var failures = log.Where(l => l.Contains("could not be read", StringComparison.Ordinal)).ToList();
            Assert.That(failures, Has.Count.EqualTo(3));
            Assert.That(failures, Has.All.Contain("tile 3 (of 6)").And.All.Contain("truncated"));
            Assert.That(failures[2], Does.Contain("remembered"), "the second full-size request decoded nothing");
        });
    }
}

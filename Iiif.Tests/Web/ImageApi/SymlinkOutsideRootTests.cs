using System.Net;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>A symbolic link in the image folder that leads out of it, seen from a client and from the operator's log.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class SymlinkOutsideRootTests
{
    [Test]
    [Description("Issue #13: refused with a plain 404 that names no path; the log says which identifier and why, at Warn.")]
    public async Task LinkOutside_Default_404AndWarningWithIdentifier()
    {
        await using var host = await RunningHost.StartAsync(LinkOutside);

        using var response = await host.GetAsync("/iiif/3/linked/info.json");
        var body = await response.Content.ReadAsStringAsync();
        var log = await host.StopAndReadLogAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body, Does.Not.Contain("outside").And.Not.Contain(host.Folder.Root));
        var warning = log.Single(line => line.Contains("Image link refused", StringComparison.Ordinal));
        Assert.That(warning, Does.Contain("\"level\":40").And.Contain("linked").And.Contain("followSymlinksOutsideRoot"));
    }

    [Test]
    public async Task LinkOutside_Allowed_Served()
    {
        await using var host = await RunningHost.StartAsync(LinkOutside, "--images:followSymlinksOutsideRoot=true");

        using var response = await host.GetAsync("/iiif/3/linked/full/64,/0/default.jpg");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>images/linked.jp2 -> {test folder}/outside/real.jp2</summary>
    private static void LinkOutside(Web.Configuration.WebTestFolder folder)
    {
        var outside = Path.Combine(folder.Root, "outside", "real.jp2");
        Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
        File.Copy(TestImageFactory.PathOf(TestImageFactory.RgbTiled), outside);
        File.CreateSymbolicLink(Path.Combine(folder.ImagesDirectory, "linked.jp2"), outside);
    }
}

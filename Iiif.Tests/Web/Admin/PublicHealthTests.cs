using System.Net;
using Iiif.Imaging.Jpeg2000;

namespace Iiif.Tests.Web.Admin;

/// <summary><c>GET /health</c>: public, for load balancers; 503 when the server cannot serve images.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class PublicHealthTests
{
    [Test]
    public async Task Health_Healthy_Returns200WithCodecVersion()
    {
        await using var host = await RunningHost.StartAsync();

        using var response = await host.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Is.EqualTo($$"""{"status":"ok","images":"readable","jpeg2000":"{{Jpeg2000Codec.Version()}}"}"""));
    }

    [Test]
    [Description("An image folder that vanished after start-up (unmounted share) takes the node out of rotation. Deleting "
        + "it, rather than chmod 000, also works when the tests run as root.")]
    public async Task Health_ImageFolderGone_Returns503()
    {
        await using var host = await RunningHost.StartAsync();
        Directory.Delete(host.Folder.ImagesDirectory, recursive: true);

        using var response = await host.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("""{"status":"failing","images":"unreadable","""));
    }

    [Test]
    public void Jpeg2000Codec_Installed_ReportsOpenJpeg2()
    {
        Assert.That(Jpeg2000Codec.IsAvailable(), Is.True);
        Assert.That(Jpeg2000Codec.TryGetVersion(), Does.StartWith("2."));
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Iiif.Web.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Iiif.Tests.Web.Health;

/// <summary><c>/health/live</c> and <c>/health/ready</c> on a real Kestrel, and the shutdown timeout the host is given.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class ReadinessTests
{
    [Test]
    public async Task Live_Always_Returns200()
    {
        await using var host = await RunningHost.StartAsync();
        Directory.Delete(host.Folder.ImagesDirectory, recursive: true);

        using var response = await host.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_Healthy_Returns200()
    {
        await using var host = await RunningHost.StartAsync();

        var (status, body) = await ReadyAsync(host);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("ready"));
        Assert.That(body.GetProperty("cache").GetString(), Is.EqualTo("ok"));
        Assert.That(body.TryGetProperty("reason", out _), Is.False);
    }

    [Test]
    [Description("Deleting the folder, rather than chmod 000, also works when the tests run as root.")]
    public async Task Ready_ImageFolderGone_Returns503WithReason()
    {
        await using var host = await RunningHost.StartAsync();
        Directory.Delete(host.Folder.ImagesDirectory, recursive: true);

        var (status, body) = await ReadyAsync(host);

        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body.GetProperty("reason").GetString(), Is.EqualTo("image folder unreadable"));
    }

    [Test]
    [Description("Issue #13: an unreachable Redis is no reason to leave the load balancer; readiness does not even look at it.")]
    public async Task Ready_RedisUnreachable_Returns200Ready()
    {
        await using var host = await RunningHost.StartAsync(null, "--cache:redis:configuration=127.0.0.1:" + ClosedPort());

        var (status, body) = await ReadyAsync(host);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("ready"));
        Assert.That(body.TryGetProperty("redis", out _), Is.False);
    }

    [Test]
    public async Task Ready_DiskCacheOff_ReportsOff()
    {
        await using var host = await RunningHost.StartAsync(null, "--cache:derivatives:enabled=false");

        var (status, body) = await ReadyAsync(host);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("cache").GetString(), Is.EqualTo("off"));
    }

    [Test]
    public async Task ShutdownTimeout_Configured_ReachesHostOptions()
    {
        await using var host = await RunningHost.StartAsync(null, "--server:shutdownTimeoutSeconds=12");

        var options = host.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.That(options.ShutdownTimeout, Is.EqualTo(TimeSpan.FromSeconds(12)));
    }

    [Test]
    public void CodecStartupCheck_LibraryMissing_NamesThePackage()
    {
        static NativeCodec[] Codecs(bool jpeg2000, bool tiff, bool jpeg) =>
        [
            new("libopenjp2.so.7", "JPEG 2000", "libopenjp2-7", () => jpeg2000),
            new("libtiff.so.6", "TIFF", "libtiff6", () => tiff),
            new("libturbojpeg.so.0", "JPEG", "libturbojpeg0", () => jpeg),
        ];

        Assert.That(CodecStartupCheck.Problem(Codecs(false, true, true)), Does.Contain("libopenjp2-7").And.Not.Contain("libturbojpeg0"));
        Assert.That(CodecStartupCheck.Problem(Codecs(true, true, false)), Does.Contain("libturbojpeg.so.0").And.Contain("apt-get install libturbojpeg0"));
        Assert.That(CodecStartupCheck.Problem(Codecs(true, false, true)), Does.Contain("libtiff.so.6 (TIFF) is missing").And.Contain("apt-get install libtiff6'"));
        Assert.That(CodecStartupCheck.Problem(Codecs(false, false, false)), Does.Contain("apt-get install libopenjp2-7 libtiff6 libturbojpeg0"));
        Assert.That(CodecStartupCheck.Problem(Codecs(true, true, true)), Is.Null);
    }

    [Test]
    [Description("The codecs the server checks at start-up are those this machine has (the scripts install them), libtiff included.")]
    public void CodecStartupCheck_InstalledCodecs_NoProblem()
    {
        Assert.That(CodecStartupCheck.Codecs.Select(c => c.Package), Is.EquivalentTo(new[] { "libopenjp2-7", "libtiff6", "libturbojpeg0" }));
        Assert.That(CodecStartupCheck.Problem(CodecStartupCheck.Codecs), Is.Null);
        Assert.That(Iiif.Imaging.Tiff.TiffCodec.TryGetVersion(), Does.StartWith("LIBTIFF, Version 4."));
    }

    /// <summary>A loopback port nothing listens on: taken from the OS, then released.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(RunningHost host)
    {
        using var response = await host.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }
}

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
        Assert.That(CodecStartupCheck.Problem(() => null, () => true), Does.Contain("libopenjp2-7").And.Not.Contain("libturbojpeg0"));
        Assert.That(CodecStartupCheck.Problem(() => "2.5.0", () => false), Does.Contain("libturbojpeg.so.0").And.Contain("apt-get install libturbojpeg0"));
        Assert.That(CodecStartupCheck.Problem(() => null, () => false), Does.Contain("apt-get install libopenjp2-7 libturbojpeg0"));
        Assert.That(CodecStartupCheck.Problem(() => "2.5.0", () => true), Is.Null);
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

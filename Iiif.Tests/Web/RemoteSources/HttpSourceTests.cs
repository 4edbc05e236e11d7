using System.Globalization;
using System.Text.Json;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Web.RemoteSources;

/// <summary>The http source against Debian's nginx started by the test: tiles and info.json equal to the same files
/// served from disk in both API versions, and each upstream failure answered as it should while other images go on
/// being served.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class HttpSourceTests
{
    private NginxUpstream _nginx = null!;

    [OneTimeSetUp]
    public void StartNginx()
    {
        _nginx = NginxUpstream.Start();
        foreach (var (name, file) in RemoteSourceHost.Files)
        {
            _nginx.Add(file, "images/" + name);
        }
    }

    [OneTimeTearDown]
    public void StopNginx() => _nginx.Dispose();

    [TestCase("2")]
    [TestCase("3")]
    public async Task Tiles_FromHttp_HaveThePixelsOfTheSameFileOnDisk(string version)
    {
        await using var host = await StartAsync();

        foreach (var tail in new[] { "0,0,256,256/256,/0/default.png", "256,256,384,224/192,/0/default.png", "full/160,/0/default.png" })
        {
            await RemoteSourceHost.AssertSamePixelsAsync(host, version, "tiled", "web/tiled.jp2", tail);
            await RemoteSourceHost.AssertSamePixelsAsync(host, version, "photo", "web/photo.jpg", tail);
            await RemoteSourceHost.AssertSamePixelsAsync(host, version, "pyramid", "web/pyramid.tif", tail);
        }

        var local = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri($"/iiif/{version}/tiled/info.json", UriKind.Relative)));
        var remote = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri($"/iiif/{version}/web%2Ftiled.jp2/info.json", UriKind.Relative)));
        Assert.That(remote.RootElement.GetProperty("width").GetInt32(), Is.EqualTo(local.RootElement.GetProperty("width").GetInt32()));
        Assert.That(remote.RootElement.GetProperty("tiles").ToString(), Is.EqualTo(local.RootElement.GetProperty("tiles").ToString()));
        Assert.That(_nginx.Requests().Where(r => r.Method == "GET").All(r => r.Status == 206 && r.Range.StartsWith("bytes=", StringComparison.Ordinal)),
            "every read is a Range request");
    }

    [Test]
    public async Task Failures_AreAnsweredByKind_AndOtherImagesAreStillServed()
    {
        using var silent = SilentUpstream.Start();
        using var liar = SilentUpstream.Start(truncate: true);
        await using var host = await StartAsync($"""
              - name: silent
                prefix: silent/
                type: http
                timeoutSeconds: 2
                retries: 0
                http:
                  urlTemplate: http://127.0.0.1:{silent.Port}/{"{path}"}
              - name: liar
                prefix: liar/
                type: http
                retries: 0
                http:
                  urlTemplate: http://127.0.0.1:{liar.Port}/{"{path}"}
            """);

        Assert.Multiple(async () =>
        {
            Assert.That(await StatusAsync(host, "web/missing.jp2"), Is.EqualTo(404), "upstream 404");
            Assert.That(await StatusAsync(host, "deny/tiled.jp2"), Is.EqualTo(403), "upstream 403");
            Assert.That(await StatusAsync(host, "fail/tiled.jp2"), Is.EqualTo(502), "upstream 500");
            Assert.That(await StatusAsync(host, "silent/tiled.jp2"), Is.EqualTo(504), "no answer");
            Assert.That(await StatusAsync(host, "liar/tiled.jp2"), Is.EqualTo(502), "truncated body");
            Assert.That(await StatusAsync(host, "web/tiled.jp2"), Is.EqualTo(200), "a good remote image");
            Assert.That(await StatusAsync(host, "tiled"), Is.EqualTo(200), "a local image");
        });

        using (var config = await Admin.AdminAccessTests.SendAsync(host, "/admin/config", RunningHost.AdminKey))
        {
            Assert.That(await config.Content.ReadAsStringAsync(), Does.Contain("reader").And.Not.Contain("s3cret"), "password and header values masked");
        }

        var health = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement;
        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("ok"), "an upstream outage does not take the server out of rotation");
        Assert.That(health.GetProperty("sources").GetProperty("silent").GetString(), Is.EqualTo("timeout"));
        Assert.That(health.GetProperty("sources").GetProperty("web").GetString(), Is.EqualTo("ok"));
        var index = await host.Client.GetStringAsync(new Uri("/viewer", UriKind.Relative));
        Assert.That(index, Does.Contain("tiled").And.Contain("Listing is not available for the images of source rules web, deny, fail, silent, liar"));

        var metrics = await host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.That(metrics, Does.Contain("iiif_source_failures_total{rule=\"fail\",failure=\"upstream\"} 1"));
        Assert.That(metrics, Does.Contain("iiif_source_failures_total{rule=\"silent\",failure=\"timeout\"} 1"));
        Assert.That(metrics, Does.Contain("iiif_source_failures_total{rule=\"deny\",failure=\"forbidden\"} 1"));
        var log = string.Join('\n', await host.StopAndReadLogAsync());
        Assert.That(log, Does.Contain("Remote source rule deny failed (Forbidden)"));
        Assert.That(log, Does.Not.Contain("s3cret"), "credentials never reach the log");
    }

    [Test]
    public async Task VersionChangeMidWalk_FailsOnce_ThenServesTheNewVersion()
    {
        _nginx.Add(RemoteSourceHost.Files["tiled.jp2"], "images/changing.jp2");
        await using var host = await StartAsync();
        Assert.That(await StatusAsync(host, "web/changing.jp2", "0,0,256,256/256,/0/default.png"), Is.EqualTo(200));

        _nginx.Add(TestImageFactory.PathOf(TestImageFactory.RgbLossy), "images/changing.jp2");
        Assert.That(await StatusAsync(host, "web/changing.jp2", "256,256,256,224/256,/0/default.png"), Is.EqualTo(502), "a read pinned to the old ETag");
        Assert.That(await StatusAsync(host, "web/changing.jp2", "256,256,256,224/256,/0/default.png"), Is.EqualTo(200), "the new version");
        Assert.That(await StatusAsync(host, "web/tiled.jp2"), Is.EqualTo(200));
    }

    private async Task<RunningHost> StartAsync(string extraRules = "") =>
        await RunningHost.StartAsync(folder =>
        {
            RemoteSourceHost.AddLocalFiles(folder);
            folder.WriteConfig("local.yml", RemoteSourceHost.Config(string.Create(CultureInfo.InvariantCulture, $"""
                  - name: web
                    prefix: web/
                    type: http
                    versionCheckSeconds: 600
                    http:
                      urlTemplate: {_nginx.BaseUrl}/images/{"{path}"}
                      headers:
                        X-Repository-Token: hdr-s3cret
                      username: reader
                      password: s3cret
                  - name: deny
                    prefix: deny/
                    type: http
                    http:
                      urlTemplate: {_nginx.BaseUrl}/forbidden/{"{path}"}
                  - name: fail
                    prefix: fail/
                    type: http
                    retries: 1
                    http:
                      urlTemplate: {_nginx.BaseUrl}/broken/{"{path}"}
                """) + "\n" + extraRules));
        }, "--admin:apiKey=" + RunningHost.AdminKey);

    private static async Task<int> StatusAsync(RunningHost host, string identifier, string tail = "0,0,256,256/256,/0/default.png")
    {
        using var response = await host.GetAsync($"/iiif/3/{Uri.EscapeDataString(identifier)}/{tail}");
        return (int)response.StatusCode;
    }
}

namespace Iiif.Tests.Web.ImageApi;

/// <summary>Where the IIIF endpoint is mounted: under a prefix it answers before routing (a multi-segment prefix too),
/// with an empty prefix it is the catch-all route, which the viewer, health and metrics routes still win over.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class PrefixMountingTests
{
    private IiifTestServer _nested = null!;
    private IiifTestServer _root = null!;

    [OneTimeSetUp]
    public async Task StartServers()
    {
        _nested = await IiifTestServer.StartAsync(["--server:prefix=images/iiif"]);
        _root = await IiifTestServer.StartAsync(["--server:prefix="]);
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        await _nested.DisposeAsync();
        await _root.DisposeAsync();
    }

    [Test]
    public async Task NestedPrefix_ServesIiifAndLeavesTheRestToRouting()
    {
        var tile = await _nested.GetAsync("/images/iiif/3/square-jp2/full/100,/0/default.jpg");
        var info = await _nested.GetAsync("/images/iiif/2/square-jp2/info.json");
        var outside = await _nested.GetAsync("/iiif/3/square-jp2/info.json");
        var wrongCase = await _nested.GetAsync("/Images/IIIF/3/square-jp2/info.json");
        var health = await _nested.GetAsync("/health/live");

        Assert.Multiple(() =>
        {
            Assert.That(tile.Status, Is.EqualTo(200), tile.ToString());
            Assert.That(tile.Header("Link"), Does.StartWith($"<{_nested.Origin}/images/iiif/3/square-jp2/full/100,100/0/default.jpg>"));
            Assert.That(info.Text, Does.Contain($"\"{_nested.Origin}/images/iiif/2/square-jp2\""));
            Assert.That(outside.Status, Is.EqualTo(404));
            Assert.That((wrongCase.Status, wrongCase.Header("Access-Control-Allow-Origin")), Is.EqualTo((404, (string?)null)));
            Assert.That(wrongCase.Text, Does.Contain("prefix"), "the endpoint's own 404, as routing gave before");
            Assert.That(health.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task EmptyPrefix_ServesIiifAtTheRootBesideTheOtherRoutes()
    {
        var tile = await _root.GetAsync("/3/square-jp2/full/100,/0/default.jpg");
        var info = await _root.GetAsync("/square-jp2/info.json");
        var viewer = await _root.GetAsync("/viewer");
        var health = await _root.GetAsync("/health/live");
        var metrics = await _root.GetAsync("/metrics");

        Assert.Multiple(() =>
        {
            Assert.That(tile.Status, Is.EqualTo(200), tile.ToString());
            Assert.That(tile.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
            Assert.That(info.Text, Does.Contain($"\"{_root.Origin}/square-jp2\""));
            Assert.That(viewer.Status, Is.EqualTo(200));
            Assert.That(viewer.Header("Content-Type"), Does.StartWith("text/html"));
            Assert.That(health.Status, Is.EqualTo(200));
            Assert.That(metrics.Status, Is.EqualTo(200));
            Assert.That(metrics.Text, Does.Contain("iiif_http_requests_total{route=\"iiif_image\",status=\"200\"}"));
        });
    }
}

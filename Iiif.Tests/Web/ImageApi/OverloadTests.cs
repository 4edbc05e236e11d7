using Iiif.Imaging;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>https://iiif.io/api/image/3.0/#73-error-conditions 503: with every render slot busy and no queue, a render request is refused at once with
/// Retry-After, while info.json (no render) is still served.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class OverloadTests
{
    private readonly BlockingRenderer _renderer = new();
    private IiifTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await IiifTestServer.StartAsync(
        ["--imaging:maxConcurrentRenders=1", "--imaging:queueTimeout=0", "--imaging:retryAfter=7"],
        services => services.AddSingleton<IImageRenderer>(_renderer));

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _renderer.Release();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Get_AllSlotsBusy_Returns503WithRetryAfter()
    {
        var blocked = _server.GetAsync("/iiif/3/square-jp2/full/100,/0/default.jpg");
        await _renderer.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var refused = await _server.GetAsync("/iiif/3/square-jp2/full/200,/0/default.jpg");
        var info = await _server.GetAsync("/iiif/3/square-jp2/info.json");
        _renderer.Release();
        var served = await blocked;

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(503));
            Assert.That(refused.Header("Retry-After"), Is.EqualTo("7"));
            Assert.That(refused.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
            Assert.That(refused.Header("Cache-Control"), Is.Null);
            Assert.That(info.Status, Is.EqualTo(200));
            Assert.That(served.Status, Is.EqualTo(200));
            Assert.That(served.Body, Is.EqualTo(new byte[] { 1, 2, 3 }));
        });
    }
}

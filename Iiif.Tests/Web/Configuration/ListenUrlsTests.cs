using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Configuration;

[TestFixture]
public class ListenUrlsTests
{
    [TestCase("http://localhost:3001", 0, "http://localhost:3001")]
    [TestCase("http://localhost:3001", 8080, "http://localhost:8080")]
    [TestCase("http://localhost", 8080, "http://localhost:8080")]
    [TestCase("http://*:3001", 80, "http://*:80")]
    [TestCase("http://[::1]:3001", 9000, "http://[::1]:9000")]
    [TestCase("http://[::1]", 9000, "http://[::1]:9000")]
    [TestCase("https://0.0.0.0:443/base", 8443, "https://0.0.0.0:8443/base")]
    [TestCase("http://localhost:3001; http://127.0.0.1:3002", 5000, "http://localhost:5000;http://127.0.0.1:5000")]
    [Description("--port replaces the port of every URL in server.urls and keeps scheme and host.")]
    public void Resolve_PortSet_ReplacesEveryPort(string urls, int port, string expected) =>
        Assert.That(ListenUrls.Resolve(new ServerOptions { Urls = urls, Port = port }), Is.EqualTo(expected));
}

using System.Net;

namespace Iiif.Tests.Web.Caching;

/// <summary>The hot path (a repeated target answered from the memory tier before MVC) answers exactly as the controller
/// does, and never across public roots, purges or source changes.</summary>
[TestFixture]
[Category("Integration")]
public class HotImageTests
{
    private const string Tile = "/iiif/3/img/0,0,256,256/128,/0/default.jpg";

    [Test]
    [Description("Digest §5: a repeat answered from memory carries the same status, headers and bytes as the first answer.")]
    public async Task Get_Repeat_SameHeadersAndBytesAsControllerAnswer()
    {
        var (host, counts) = await StartAsync();
        await using var _ = host;

        using var first = await host.GetAsync(Tile);
        using var second = await host.GetAsync(Tile);
        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(Tile, UriKind.Relative)));

        Assert.Multiple(async () =>
        {
            Assert.That(counts.Renders, Is.EqualTo(1));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
            foreach (var name in new[] { "ETag", "Link", "Cache-Control", "Access-Control-Allow-Origin" })
            {
                Assert.That(second.Headers.GetValues(name), Is.EqualTo(first.Headers.GetValues(name)), name);
            }

            foreach (var name in new[] { "Content-Type", "Content-Length", "Content-Disposition", "Last-Modified" })
            {
                Assert.That(second.Content.Headers.GetValues(name), Is.EqualTo(first.Content.Headers.GetValues(name)), name);
            }

            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(first.Content.Headers.ContentLength));
            Assert.That(await head.Content.ReadAsByteArrayAsync(), Is.Empty);
        });
    }

    [Test]
    [Description("Digest §3.4: the Link header names the host the client used, so a repeat under another Host is not taken from the first.")]
    public async Task Get_RepeatUnderAnotherHost_LinkNamesThatHost()
    {
        var (host, _) = await StartAsync();
        await using var __ = host;

        using var first = await SendAsync(host, "one.example");
        using var second = await SendAsync(host, "two.example");

        Assert.Multiple(() =>
        {
            Assert.That(string.Join(",", first.Headers.GetValues("Link")), Does.Contain("//one.example/"));
            Assert.That(string.Join(",", second.Headers.GetValues("Link")), Does.Contain("//two.example/"));
        });
    }

    [Test]
    [Description("Issue #5: after an admin purge a repeat is rendered again, not served from a forgotten entry.")]
    public async Task Get_AfterPurge_RendersAgain()
    {
        var (host, counts) = await StartAsync("--admin:apiKey=" + RunningHost.AdminKey, "--cache:derivatives:enabled=false");
        await using var _ = host;
        using var first = await host.GetAsync(Tile);
        using var purge = new HttpRequestMessage(HttpMethod.Delete, new Uri("/admin/cache/img", UriKind.Relative));
        purge.Headers.Add("X-Api-Key", RunningHost.AdminKey);
        using var purged = await host.Client.SendAsync(purge);
        using var again = await host.GetAsync(Tile);

        Assert.Multiple(async () =>
        {
            Assert.That(purged.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(counts.Renders, Is.EqualTo(2));
            Assert.That(await again.Content.ReadAsByteArrayAsync(), Is.EqualTo(await first.Content.ReadAsByteArrayAsync()));
        });
    }

    private static Task<HttpResponseMessage> SendAsync(RunningHost host, string hostName)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Tile, UriKind.Relative));
        request.Headers.Host = hostName;
        return host.Client.SendAsync(request);
    }

    private static async Task<(RunningHost Host, CountingRenderer Counts)> StartAsync(params string[] args)
    {
        Func<IServiceProvider, CountingRenderer>? counts = null;
        var host = await RunningHost.StartAsync(
            folder => RunningHost.AddImage(folder, "img"), services => counts = CountingRenderer.Install(services), args);
        return (host, counts!(host.Services));
    }
}

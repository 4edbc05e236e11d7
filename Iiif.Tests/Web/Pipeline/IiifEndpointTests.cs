using Iiif.Caching.Derivatives;
using Iiif.Core.Requests;
using Iiif.Web.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.Pipeline;

/// <summary>The one IIIF path with fakes (no socket, no pixels): what is answered before any render, what a cache hit
/// costs, how a declined render and a recache come out, and that repeats parsed once still answer per host.</summary>
[TestFixture]
public class IiifEndpointTests
{
    private const string Tile = "/iiif/3/img/0,0,256,256/128,/0/default.jpg";
    private const string AdminKey = "test-admin-key-0123456789";

    [Test]
    [Description("RFC 9110 13.1.2: a matching If-None-Match is answered 304 before any pixel work.")]
    public async Task Get_IfNoneMatchStar_304WithoutRender()
    {
        await using var harness = Harness();

        var response = await harness.GetAsync(Tile, new Dictionary<string, string> { ["If-None-Match"] = "*" });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(304));
            Assert.That(response.Header("ETag"), Does.Match("^\"[0-9a-f]{32}\"$"));
            Assert.That(response.Body, Is.Empty);
            Assert.That(harness.Renderer.Renders, Is.Zero);
        });
    }

    [Test]
    [Description("A conditional request whose ETag still matches is 304 even when no cache tier holds the image any more.")]
    public async Task Get_IfNoneMatchAfterPurge_304WithoutRender()
    {
        await using var harness = Harness();
        var first = await harness.GetAsync(Tile);
        await harness.Services.GetRequiredService<IDerivativeCache>().PurgeAllAsync(CancellationToken.None);

        var conditional = await harness.GetAsync(Tile, new Dictionary<string, string> { ["If-None-Match"] = first.Header("ETag")! });

        Assert.Multiple(() =>
        {
            Assert.That(conditional.Status, Is.EqualTo(304));
            Assert.That(conditional.Header("ETag"), Is.EqualTo(first.Header("ETag")));
            Assert.That(conditional.Header("Cache-Control"), Is.EqualTo("public, max-age=86400"));
            Assert.That(harness.Renderer.Renders, Is.EqualTo(1));
        });
    }

    [Test]
    [Description("A hit renders nothing and identifies nothing, and answers with the render's bytes and headers; HEAD too.")]
    public async Task Get_Repeat_HitRendersNothingSameAnswer()
    {
        await using var harness = Harness();

        var first = await harness.GetAsync(Tile);
        var second = await harness.GetAsync(Tile);
        var head = await harness.SendAsync("HEAD", Tile);

        Assert.Multiple(() =>
        {
            Assert.That((first.Status, second.Status, head.Status), Is.EqualTo((200, 200, 200)));
            Assert.That(harness.Renderer.Renders, Is.EqualTo(1));
            Assert.That(harness.Renderer.Identifies, Is.EqualTo(1));
            Assert.That(second.Body, Is.EqualTo(first.Body));
            foreach (var name in new[] { "ETag", "Last-Modified", "Link", "Cache-Control", "Content-Type", "Content-Length", "Content-Disposition" })
            {
                Assert.That(second.Header(name), Is.EqualTo(first.Header(name)).And.Not.Null, name);
                Assert.That(head.Header(name), Is.EqualTo(first.Header(name)), "HEAD " + name);
            }

            Assert.That(head.Body, Is.Empty);
            Assert.That((first.Log.Found, first.Log.Tier), Is.EqualTo(("miss", "rendered")));
            Assert.That((second.Log.Route, second.Log.Result, second.Log.Found, second.Log.Tier), Is.EqualTo(("image", "image", "hit", "memory")));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#47-canonical-uri-syntax: equivalent URLs share one render and one ETag.")]
    public async Task Get_EquivalentUrls_OneRender()
    {
        await using var harness = Harness();

        var full = await harness.GetAsync("/iiif/3/img/full/250,/0/default.png");
        var region = await harness.GetAsync("/iiif/3/img/0,0,1000,800/250,200/0/default.png");
        var pct = await harness.GetAsync("/iiif/3/img/full/pct:25/0/default.png");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Renderer.Renders, Is.EqualTo(1));
            Assert.That(pct.Body, Is.EqualTo(full.Body));
            Assert.That(region.Header("ETag"), Is.EqualTo(full.Header("ETag")));
        });
    }

    [Test]
    [Description("A source with a new version gets new facts, a new plan, a new ETag and a new render, though the URL was parsed once.")]
    public async Task Get_SourceReplaced_NewFactsAndRender()
    {
        await using var harness = Harness();
        var before = await harness.GetAsync("/iiif/3/img/full/250,/0/default.jpg");
        harness.Source.Replace("img");
        harness.Renderer.Info = new(500, 500, 3, null, IsGrayscale: false);

        var after = await harness.GetAsync("/iiif/3/img/full/250,/0/default.jpg");

        Assert.Multiple(() =>
        {
            Assert.That(harness.Renderer.Renders, Is.EqualTo(2));
            Assert.That(harness.Renderer.Identifies, Is.EqualTo(2));
            Assert.That(after.Header("ETag"), Is.Not.EqualTo(before.Header("ETag")));
            Assert.That(before.Header("Link"), Does.Contain("/full/250,200/0/default.jpg>"));
            Assert.That(after.Header("Link"), Does.Contain("/full/250,250/0/default.jpg>"));
        });
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#31-base-uri: a repeat sent to another host names that host, though its path was parsed once.")]
    public async Task Get_RepeatUnderAnotherHost_LinkNamesThatHost()
    {
        await using var harness = Harness();

        var one = await harness.GetAsync(Tile, host: "one.example");
        var two = await harness.GetAsync(Tile, host: "two.example");
        var info = await harness.GetAsync("/iiif/3/img/info.json", host: "two.example");

        Assert.Multiple(() =>
        {
            Assert.That(one.Header("Link"), Does.StartWith("<http://one.example/iiif/3/img/0,0,256,256/128,128/0/default.jpg>"));
            Assert.That(two.Header("Link"), Does.StartWith("<http://two.example/iiif/3/img/0,0,256,256/128,128/0/default.jpg>"));
            Assert.That(info.Text, Does.Contain("\"http://two.example/iiif/3/img\""));
            Assert.That(harness.Renderer.Renders, Is.EqualTo(1));
        });
    }

    [Test]
    [Description("With every slot busy and no queue, a render is declined: 503 with Retry-After, no render, nothing cached.")]
    public async Task Get_RenderDeclined_503WithRetryAfterThenServedLater()
    {
        await using var harness = Harness("--imaging:maxConcurrentRenders=1", "--imaging:maxQueueWait=0", "--imaging:retryAfter=7");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Renderer.Gate = gate;
        var held = harness.GetAsync("/iiif/3/img/full/100,/0/default.jpg");
        await harness.Renderer.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var declined = await harness.GetAsync(Tile);
        var info = await harness.GetAsync("/iiif/3/img/info.json");
        gate.SetResult();
        await held;
        var later = await harness.GetAsync(Tile);

        Assert.Multiple(() =>
        {
            Assert.That(declined.Status, Is.EqualTo(503));
            Assert.That(declined.Header("Retry-After"), Is.EqualTo("7"));
            Assert.That(declined.Header("Cache-Control"), Is.Null, "a 503 is not cached as an image");
            Assert.That(declined.Text, Does.Contain("try again in 7 s"));
            Assert.That(info.Status, Is.EqualTo(200), "info.json needs no render slot");
            Assert.That(later.Status, Is.EqualTo(200));
            Assert.That(later.Log.Tier, Is.EqualTo("rendered"), "the declined render stored nothing");
            Assert.That(harness.Renderer.Renders, Is.EqualTo(2));
        });
    }

    [Test]
    [Description("Warming and the CLI get the same declined outcome through the pipeline contract: a 503 with its Retry-After.")]
    public async Task GetImage_RenderDeclined_SameErrorWithRetryAfter()
    {
        await using var harness = Harness("--imaging:maxConcurrentRenders=1", "--imaging:maxQueueWait=0", "--imaging:retryAfter=7");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Renderer.Gate = gate;
        var pipeline = harness.Services.GetRequiredService<IImagePipeline>();
        var held = harness.GetAsync("/iiif/3/img/full/100,/0/default.jpg");
        await harness.Renderer.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var declined = await pipeline.GetImageAsync(ApiVersion.V3, "img", "/full/200,/0/default.jpg", isProfile: true,
            DerivativeCacheMode.Normal, CancellationToken.None);
        gate.SetResult();
        await held;

        Assert.Multiple(() =>
        {
            Assert.That(declined.IsSuccess, Is.False);
            Assert.That(declined.Error.StatusCode, Is.EqualTo(503));
            Assert.That(declined.Error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        });
    }

    [Test]
    [Description("?recache=true renders again and overwrites only with the admin key; for anyone else it is an ordinary hit.")]
    public async Task Get_Recache_RendersAgainOnlyForAdmin()
    {
        await using var harness = Harness("--admin:apiKey=" + AdminKey);
        await harness.GetAsync(Tile);

        var stranger = await harness.GetAsync(Tile + "?recache=true");
        var admin = await harness.GetAsync(Tile + "?recache=true", new Dictionary<string, string> { ["X-Api-Key"] = AdminKey });
        var after = await harness.GetAsync(Tile);

        Assert.Multiple(() =>
        {
            Assert.That((stranger.Status, stranger.Log.Tier), Is.EqualTo((200, "memory")));
            Assert.That((admin.Status, admin.Log.Tier), Is.EqualTo((200, "rendered")));
            Assert.That(after.Log.Tier, Is.EqualTo("memory"));
            Assert.That(harness.Renderer.Renders, Is.EqualTo(2));
        });
    }

    [Test]
    [Description("After an admin purge a repeat renders again: the parse memo holds no image.")]
    public async Task Get_AfterPurge_RendersAgain()
    {
        await using var harness = Harness();
        var first = await harness.GetAsync(Tile);
        await harness.Services.GetRequiredService<IDerivativeCache>().PurgeAsync("img", profilesOnly: false, CancellationToken.None);

        var again = await harness.GetAsync(Tile);

        Assert.Multiple(() =>
        {
            Assert.That(again.Log.Tier, Is.EqualTo("rendered"));
            Assert.That(again.Body, Is.EqualTo(first.Body));
            Assert.That(harness.Renderer.Renders, Is.EqualTo(2));
        });
    }

    [Test]
    [Description("Errors come from the same path: 400 before any I/O, 404 for an unknown image, 405, a preflight, a redirect.")]
    public async Task Requests_OtherOutcomes()
    {
        await using var harness = Harness();

        var badSize = await harness.GetAsync("/iiif/3/img/full/abc/0/default.jpg");
        var unknown = await harness.GetAsync("/iiif/3/nothing/full/max/0/default.jpg");
        var post = await harness.SendAsync("POST", "/iiif/3/img/info.json");
        var preflight = await harness.SendAsync("OPTIONS", Tile, new Dictionary<string, string> { ["Access-Control-Request-Headers"] = "x-one" });
        var redirect = await harness.GetAsync("/iiif/3/img");

        Assert.Multiple(() =>
        {
            Assert.That((badSize.Status, badSize.Header("Cache-Control"), badSize.Log.Route), Is.EqualTo((400, "no-store", "image")));
            Assert.That(unknown.Status, Is.EqualTo(404));
            Assert.That((post.Status, post.Header("Allow")), Is.EqualTo((405, "GET, HEAD, OPTIONS")));
            Assert.That((preflight.Status, preflight.Header("Access-Control-Allow-Headers")), Is.EqualTo((204, "x-one")));
            Assert.That((redirect.Status, redirect.Header("Location"), redirect.Log.Route), Is.EqualTo((303, "http://iiif.test/iiif/3/img/info.json", "redirect")));
            Assert.That(harness.Renderer.Renders + harness.Renderer.Identifies, Is.Zero);
        });
    }

    private static EndpointHarness Harness(params string[] args)
    {
        var harness = EndpointHarness.Create(args);
        harness.Source.Add("img");
        return harness;
    }
}

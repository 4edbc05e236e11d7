using System.Text.Json;
using Iiif.Tests.Web.ImageApi;

namespace Iiif.Tests.Web.Warming;

/// <summary>Warming through the real pipeline and caches on a real Kestrel. Needs the lead's IImagePipeline and cache
/// registrations; until those are merged the warm endpoint cannot resolve its services.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class WarmEndToEndTests
{
    private static readonly Dictionary<string, string> Key = new() { ["X-Api-Key"] = RunningHost.AdminKey };

    [Test]
    [Description("POST /admin/cache/warm/{id} renders every default.yml profile; warming again finds them cached")]
    public async Task Warm_RealImage_RendersThenFindsCached()
    {
        await using var host = await RunningHost.StartAsync(folder => IiifTestImages.CopyInto(folder.ImagesDirectory),
            "--admin:apiKey=" + RunningHost.AdminKey, "--cache:warm:enabled=true", "--cache:warm:clearWith=none");

        var first = await RawHttp.SendAsync(host.BaseUri, "POST", "/admin/cache/warm/" + IiifTestImages.WideJp2, Key);
        var second = await RawHttp.SendAsync(host.BaseUri, "POST", "/admin/cache/warm/" + IiifTestImages.WideJp2, Key);

        Assert.That(first.Status, Is.EqualTo(200), first.ToString());
        Assert.That(Tails(first).Select(t => t.GetProperty("status").GetInt32()), Is.EqualTo(new[] { 200, 200, 200 }));
        Assert.That(Tails(first).Select(t => t.GetProperty("bytes").GetInt64()), Has.All.GreaterThan(0));
        Assert.That(Tails(second).Select(t => t.GetProperty("tier").GetString()), Has.None.EqualTo("rendered"));
    }

    [Test]
    [Description("An identifier with no image is a 404, as the old server's 400 'unable to warm cache' should have been")]
    public async Task Warm_Missing_Returns404()
    {
        await using var host = await RunningHost.StartAsync(null, "--admin:apiKey=" + RunningHost.AdminKey, "--cache:warm:enabled=true");

        var response = await RawHttp.SendAsync(host.BaseUri, "POST", "/admin/cache/warm/no-such-image", Key);

        Assert.That(response.Status, Is.EqualTo(404), response.ToString());
    }

    private static List<JsonElement> Tails(RawResponse response)
    {
        using var json = JsonDocument.Parse(response.Text);
        return [.. json.RootElement.GetProperty("tails").EnumerateArray().Select(t => t.Clone())];
    }
}

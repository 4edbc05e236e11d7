using System.Net;
using System.Text.Json;

namespace Iiif.Tests.Web.Admin;

/// <summary>What the admin endpoints and their Swagger document say, with the right key from an allowed address.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AdminEndpointTests
{
    private const string RedisSecret = "hunter2-redis-secret";

    [Test]
    [Description("Swagger lists the admin endpoints only; the IIIF endpoints are documented by the spec.")]
    public async Task SwaggerJson_ListsOnlyAdminPaths()
    {
        await using var host = await StartAsync();

        using var response = await AdminAccessTests.SendAsync(host, "/admin/swagger/admin/swagger.json", key: null);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(paths, Has.All.StartsWith("/admin/"));
        Assert.That(paths, Is.SupersetOf(new[] { "/admin/health", "/admin/config" }));
        Assert.That(document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey")
            .GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
    }

    [Test]
    public async Task Config_MasksApiKeyAndRedisPassword()
    {
        await using var host = await StartAsync();

        using var response = await AdminAccessTests.SendAsync(host, "/admin/config", RunningHost.AdminKey);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Not.Contain(RunningHost.AdminKey).And.Not.Contain(RedisSecret));
            Assert.That(root.GetProperty("admin").GetProperty("apiKey").GetString(), Is.EqualTo("***"));
            Assert.That(root.GetProperty("cache").GetProperty("redis").GetProperty("configuration").GetString(),
                Is.EqualTo("localhost:6379,password=***,ssl=false"));
            Assert.That(root.GetProperty("images").GetProperty("root").GetString(), Is.EqualTo(host.Folder.ImagesDirectory));
            Assert.That(root.GetProperty("server").GetProperty("prefix").GetString(), Is.EqualTo("iiif"));
        });
    }

    [Test]
    public async Task Health_ReportsFolderAndCodecVersion()
    {
        await using var host = await StartAsync();

        using var response = await AdminAccessTests.SendAsync(host, "/admin/health", RunningHost.AdminKey);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(root.GetProperty("images").GetString(), Is.EqualTo("readable"));
        Assert.That(root.GetProperty("imagesRoot").GetString(), Is.EqualTo(host.Folder.ImagesDirectory));
        Assert.That(root.GetProperty("jpeg2000").GetString(), Does.Match(@"^2\.\d+\.\d+"));
        var caches = root.GetProperty("caches").EnumerateArray().ToDictionary(c => c.GetProperty("tier").GetString()!, c => c.GetProperty("state").GetString());
        Assert.That(caches["disk"], Is.EqualTo("ok"));
        Assert.That(caches["shared"], Is.AnyOf("ok", "unavailable"), "the configured Redis is reported, reachable or not");
    }

    private static Task<RunningHost> StartAsync() => RunningHost.StartAsync(null,
        "--admin:apiKey=" + RunningHost.AdminKey, "--cache:redis:configuration=localhost:6379,password=" + RedisSecret + ",ssl=false");
}

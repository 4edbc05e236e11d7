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
            Assert.That(Value(root, "admin", "apiKey").GetString(), Is.EqualTo("***"));
            Assert.That(Value(root, "cache", "redis", "configuration").GetString(), Is.EqualTo("localhost:6379,password=***,ssl=false"));
            Assert.That(Value(root, "images", "root").GetString(), Is.EqualTo(host.Folder.ImagesDirectory));
            Assert.That(Value(root, "server", "prefix").GetString(), Is.EqualTo("iiif"));
        });
    }

    [Test]
    [Description("Issue #13: a password written with spaces (password = x) is masked too")]
    public async Task Config_PasswordWithSpaces_Masked()
    {
        await using var host = await RunningHost.StartAsync(null,
            "--admin:apiKey=" + RunningHost.AdminKey, "--cache:redis:configuration=localhost:6379, password = " + RedisSecret + " ,ssl=false");

        using var response = await AdminAccessTests.SendAsync(host, "/admin/config", RunningHost.AdminKey);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(text, Does.Not.Contain(RedisSecret));
        using var document = JsonDocument.Parse(text);
        Assert.That(Value(document.RootElement, "cache", "redis", "configuration").GetString(), Is.EqualTo("localhost:6379, password=***,ssl=false"));
    }

    [Test]
    [Description("Issue #13: values carry their type, and each says which layer set it")]
    public async Task Config_TypedValuesWithTheirLayer()
    {
        await using var host = await RunningHost.StartAsync(
            folder => folder.WriteConfig("local.yml", "limits:\n  maxWidth: 4000\n"), "--admin:apiKey=" + RunningHost.AdminKey, "--viewer:enabled=false");

        using var response = await AdminAccessTests.SendAsync(host, "/admin/config", RunningHost.AdminKey);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(Value(root, "limits", "maxWidth").GetInt32(), Is.EqualTo(4000));
            Assert.That(Source(root, "limits", "maxWidth"), Is.EqualTo("local.yml"));
            Assert.That(Value(root, "viewer", "enabled").ValueKind, Is.EqualTo(JsonValueKind.False));
            Assert.That(Source(root, "viewer", "enabled"), Is.EqualTo("command line"));
            Assert.That(Value(root, "imaging", "jpegQuality").GetInt32(), Is.EqualTo(80));
            Assert.That(Source(root, "imaging", "jpegQuality"), Is.EqualTo("default.yml"));
            Assert.That(Value(root, "images", "extensions").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(Value(root, "server", "baseUri").GetString(), Is.Empty);
        });
    }

    private static JsonElement Setting(JsonElement root, params string[] path) =>
        path.Aggregate(root, (element, name) => element.GetProperty(name));

    private static JsonElement Value(JsonElement root, params string[] path) => Setting(root, path).GetProperty("value");

    private static string? Source(JsonElement root, params string[] path) => Setting(root, path).GetProperty("source").GetString();

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

using System.Text.Json;
using Iiif.Web;
using Iiif.Web.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iiif.Tests.Web.Configuration;

/// <summary>The real host writes JSON lines to {logging.directory}/iiif.log with the old server's keys.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class RequestLogFileTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new WebTestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [Description("One line per request with route, url, ip, res, status, method, requestId and elapsedMs, in a Bunyan envelope.")]
    public async Task Request_WritesJsonLineWithRequestKeys()
    {
        var lines = await LinesAfter(["--logging:level=Debug"], async client =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
            request.Headers.Add("X-Request-Id", "test-request-1");
            using var response = await client.SendAsync(request);
            Assert.That(response.Headers.GetValues("X-Request-Id"), Is.EqualTo(new[] { "test-request-1" }));
        });

        var line = lines.Single(l => Text(l, "url") == "/health/live");
        Assert.Multiple(() =>
        {
            Assert.That(Text(line, "route"), Is.EqualTo("health"));
            Assert.That(Text(line, "res"), Is.EqualTo("200"));
            Assert.That(line.GetProperty("status").GetInt32(), Is.EqualTo(200));
            Assert.That(Text(line, "method"), Is.EqualTo("GET"));
            Assert.That(Text(line, "ip"), Is.EqualTo("127.0.0.1"));
            Assert.That(Text(line, "requestId"), Is.EqualTo("test-request-1"));
            Assert.That(line.GetProperty("elapsedMs").GetDouble(), Is.GreaterThanOrEqualTo(0));
            Assert.That(line.GetProperty("level").GetInt32(), Is.EqualTo(20), "health probes log at Debug (Bunyan 20)");
            Assert.That(line.GetProperty("v").GetInt32(), Is.EqualTo(0));
            Assert.That(Text(line, "name"), Is.EqualTo("iiif"));
            Assert.That(line.GetProperty("pid").GetInt32(), Is.EqualTo(Environment.ProcessId));
            Assert.That(DateTimeOffset.TryParse(Text(line, "time"), out _), Is.True);
            Assert.That(Text(line, "msg"), Does.StartWith("GET /health/live 200"));
        });
    }

    [Test]
    public async Task Request_NoRouteMatched_LogsStatusAsResult()
    {
        var lines = await LinesAfter([], client => client.GetAsync(new Uri("/missing?x=1", UriKind.Relative)));

        var line = lines.Single(l => Text(l, "url") == "/missing?x=1");
        Assert.That((Text(line, "route"), Text(line, "res"), line.GetProperty("level").GetInt32()), Is.EqualTo(("none", "404", 30)));
        Assert.That(Text(line, "requestId"), Is.Not.Empty);
    }

    [Test]
    public async Task Request_HealthProbeAtInfoLevel_NotLogged()
    {
        var lines = await LinesAfter(["--logging:level=Info"], client => client.GetAsync(new Uri("/health/live", UriKind.Relative)));

        Assert.That(lines.Where(l => Text(l, "url") == "/health/live"), Is.Empty);
    }

    [TestCase(null, "203.0.113.7")]
    [TestCase("", "127.0.0.1")]
    [Description("X-Forwarded-For is believed only from server.trustedProxies (default: loopback).")]
    public async Task Request_ForwardedFor_BelievedOnlyFromTrustedProxy(string? trustedProxies, string expectedIp)
    {
        string[] args = trustedProxies is null ? [] : ["--server:trustedProxies=" + trustedProxies];
        var lines = await LinesAfter(args, async client =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/missing", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            (await client.SendAsync(request)).Dispose();
        });

        Assert.That(Text(lines.Single(l => Text(l, "url") == "/missing"), "ip"), Is.EqualTo(expectedIp));
    }

    [Test]
    [Description("Later code logs cache and validation outcomes with the old keys: cache/found/img/op and valid/test.")]
    public async Task CacheAndValidationMessages_WriteOldKeysAsFields()
    {
        var lines = await LinesAfter(["--logging:level=Debug"], _ => Task.CompletedTask, services =>
        {
            var logger = services.GetRequiredService<ILogger<RequestLogFileTests>>();
            using (logger.BeginScope(new Dictionary<string, object> { [LogKeys.RequestId] = "scoped-1" }))
            {
                Log.CacheLookup(logger, LogValues.Image, LogValues.Hit, "/cache/ab/cd.jpg");
                Log.RequestValidated(logger, LogValues.Params, valid: false);
            }
        });

        var cache = lines.Single(l => Text(l, "EventName") == "CacheLookup");
        var validation = lines.Single(l => Text(l, "EventName") == "RequestValidated");
        Assert.Multiple(() =>
        {
            Assert.That((Text(cache, "cache"), Text(cache, "found"), Text(cache, "img")), Is.EqualTo(("image", "hit", "/cache/ab/cd.jpg")));
            Assert.That(Text(cache, "requestId"), Is.EqualTo("scoped-1"));
            Assert.That(validation.GetProperty("valid").ValueKind, Is.EqualTo(JsonValueKind.False));
            Assert.That(Text(validation, "test"), Is.EqualTo("params"));
        });
    }

    /// <summary>Starts the host with the test folder's settings plus <paramref name="args"/>, runs the requests, stops
    /// the host (which flushes the log) and returns the lines of iiif.log.</summary>
    private async Task<List<JsonElement>> LinesAfter(string[] args, Func<HttpClient, Task> requests, Action<IServiceProvider>? logDirectly = null)
    {
        await using (var app = HostingExtensions.CreateIiifBuilder(_folder.HostArgs(args), WebTestFolder.NoEnvironment).BuildIiifApp())
        {
            await app.StartAsync();
            using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) })
            {
                await requests(client);
            }

            logDirectly?.Invoke(app.Services);
            await app.StopAsync();
        }

        return File.ReadLines(Path.Combine(_folder.LogDirectory, "iiif.log"))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

    private static string? Text(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

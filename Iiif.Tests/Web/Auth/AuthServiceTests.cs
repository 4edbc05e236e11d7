using System.Net;
using System.Text.Json;

namespace Iiif.Tests.Web.Auth;

/// <summary>The auth services of a real server against the JSON of https://iiif.io/api/auth/2.0/: the probe service in
/// info.json (both API versions), probe results, token messages and errors, and the image check.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AuthServiceTests
{
    private const string Context = "http://iiif.io/api/auth/2/context.json";
    private RunningHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await AuthHost.StartAsync("restricted-book", "restricted-open-map", "open-photo", "staff-plan", "terms-deed", "site-scroll");

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    [Description("https://iiif.io/api/auth/2.0/#21-declaring-services: 3.0 info.json lists the auth context before the image context; the probe nests the access service with token and logout services")]
    public async Task InfoJsonV3_Restricted_DeclaresProbeAccessTokenAndLogoutServices()
    {
        var info = await GetJsonAsync("/iiif/3/restricted-book/info.json");
        var probe = info.GetProperty("service").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "AuthProbeService2");
        var access = probe.GetProperty("service").EnumerateArray().Single();
        var services = access.GetProperty("service").EnumerateArray().ToList();
        var root = _host.BaseUri.ToString().TrimEnd('/');

        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("@context").EnumerateArray().Select(c => c.GetString()),
                Is.EqualTo(new[] { Context, "http://iiif.io/api/image/3/context.json" }));
            Assert.That(probe.TryGetProperty("@context", out _), Is.False, "SHOULD NOT be present inside a 3.0 info.json");
            Assert.That(probe.GetProperty("id").GetString(), Is.EqualTo(root + "/auth/probe/3/restricted-book"));
            Assert.That(access.GetProperty("type").GetString(), Is.EqualTo("AuthAccessService2"));
            Assert.That(access.GetProperty("profile").GetString(), Is.EqualTo("active"));
            Assert.That(access.GetProperty("id").GetString(), Is.EqualTo(root + "/auth/login/readers"));
            Assert.That(access.GetProperty("label").GetProperty("en")[0].GetString(), Is.EqualTo("Log in to the Test Library"));
            Assert.That(access.GetProperty("label").GetProperty("de")[0].GetString(), Is.EqualTo("Anmelden bei der Testbibliothek"));
            Assert.That(access.GetProperty("heading").GetProperty("en")[0].GetString(), Is.EqualTo("Registered readers only"));
            Assert.That(access.GetProperty("note").GetProperty("en")[0].GetString(), Is.EqualTo("Log in with your library account."));
            Assert.That(access.GetProperty("confirmLabel").GetProperty("en")[0].GetString(), Is.EqualTo("Log in"));
            Assert.That(services.Select(s => s.GetProperty("type").GetString()), Is.EqualTo(new[] { "AuthAccessTokenService2", "AuthLogoutService2" }));
            Assert.That(services[0].GetProperty("id").GetString(), Is.EqualTo(root + "/auth/token/readers"));
            Assert.That(services[1].GetProperty("id").GetString(), Is.EqualTo(root + "/auth/logout"));
            Assert.That(services[1].GetProperty("label").GetProperty("en").GetArrayLength(), Is.EqualTo(1));
        });
    }

    [Test]
    [Description("A 2.1 info.json keeps its one context; the probe service carries the auth context itself")]
    public async Task InfoJsonV2_Restricted_ProbeServiceCarriesItsContext()
    {
        var info = await GetJsonAsync("/iiif/2/restricted-book/info.json");
        var probe = info.GetProperty("service");
        probe = probe.ValueKind == JsonValueKind.Array ? probe[0] : probe;

        Assert.Multiple(() =>
        {
            Assert.That(info.GetProperty("@context").GetString(), Is.EqualTo("http://iiif.io/api/image/2/context.json"));
            Assert.That(probe.GetProperty("@context").GetString(), Is.EqualTo(Context));
            Assert.That(probe.GetProperty("type").GetString(), Is.EqualTo("AuthProbeService2"));
            Assert.That(probe.GetProperty("id").GetString(), Does.EndWith("/auth/probe/2/restricted-book"));
        });
    }

    [Test]
    [Description("Open images, and the degraded version, keep their info.json as it was")]
    public async Task InfoJson_OpenAndDegraded_HaveNoAuthServices()
    {
        var open = await GetJsonAsync("/iiif/3/open-photo/info.json");
        var degraded = await GetJsonAsync("/iiif/3/restricted-book%2Fdegraded/info.json");

        Assert.Multiple(() =>
        {
            Assert.That(open.GetProperty("@context").GetString(), Is.EqualTo("http://iiif.io/api/image/3/context.json"));
            Assert.That(open.TryGetProperty("service", out _), Is.False);
            Assert.That(degraded.TryGetProperty("service", out _), Is.False);
            Assert.That(Math.Max(degraded.GetProperty("width").GetInt32(), degraded.GetProperty("height").GetInt32()), Is.EqualTo(200));
        });
    }

    [Test]
    [Description("https://iiif.io/api/auth/2.0/#probe-service-response: 401 without a token, with the degraded version as substitute and the heading and note")]
    public async Task Probe_NoToken_Status401WithSubstitute()
    {
        var result = await AuthHost.ProbeAsync(_host.Client, "restricted-book");
        var substitute = result.GetProperty("substitute").EnumerateArray().Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("@context").GetString(), Is.EqualTo(Context));
            Assert.That(result.GetProperty("type").GetString(), Is.EqualTo("AuthProbeResult2"));
            Assert.That(result.GetProperty("status").GetInt32(), Is.EqualTo(401));
            Assert.That(substitute.GetProperty("id").GetString(), Is.EqualTo(_host.BaseUri + "iiif/3/restricted-book%2Fdegraded"));
            Assert.That(substitute.GetProperty("type").GetString(), Is.EqualTo("ImageService3"));
            Assert.That(result.GetProperty("heading").GetProperty("en").GetArrayLength(), Is.EqualTo(1));
            Assert.That(result.GetProperty("note").GetProperty("en").GetArrayLength(), Is.EqualTo(1));
            Assert.That(result.TryGetProperty("location", out _), Is.False);
        });
    }

    [Test]
    [Description("The probe of an open image says 200 and offers no substitute; of an unknown one, 404")]
    public async Task Probe_OpenAndUnknown()
    {
        var open = await AuthHost.ProbeAsync(_host.Client, "open-photo");
        var unknown = await AuthHost.ProbeAsync(_host.Client, "restricted-nothing");

        Assert.That(open.GetProperty("status").GetInt32(), Is.EqualTo(200));
        Assert.That(open.TryGetProperty("substitute", out _), Is.False, "MUST NOT be present when access is granted");
        Assert.That(unknown.GetProperty("status").GetInt32(), Is.EqualTo(404));
    }

    [Test]
    [Description("A cross-origin viewer's probe with an Authorization header passes the CORS preflight")]
    public async Task Probe_Preflight_AllowsAuthorizationHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/auth/probe/3/restricted-book", UriKind.Relative));
        request.Headers.Add("Origin", "https://viewer.example.org");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var response = await _host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Headers").Single(), Is.EqualTo("Authorization"));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
    }

    [Test]
    [Description("An image of a restricted identifier without the cookie: 401 with a challenge naming the probe, CORS header, not stored")]
    public async Task Image_NoCookie_401WithChallengeAndCors()
    {
        using var response = await _host.GetAsync("/iiif/3/restricted-book/full/100,/0/default.jpg");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("/auth/probe/3/restricted-book"));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    [Test]
    [Description("https://iiif.io/api/auth/2.0/#access-token-error-format: no cookie = missingAspect, posted to the origin with the caller's messageId")]
    public async Task Token_NoCookie_MissingAspect()
    {
        using var browser = AuthHost.Browser(_host);
        var (message, target) = await AuthHost.TokenAsync(browser, "readers", AuthHost.Origin(_host), "abc123");

        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("@context").GetString(), Is.EqualTo(Context));
            Assert.That(message.GetProperty("type").GetString(), Is.EqualTo("AuthAccessTokenError2"));
            Assert.That(message.GetProperty("profile").GetString(), Is.EqualTo("missingAspect"));
            Assert.That(message.GetProperty("messageId").GetString(), Is.EqualTo("abc123"));
            Assert.That(message.GetProperty("heading").GetProperty("en").GetArrayLength(), Is.EqualTo(1));
            Assert.That(target, Is.EqualTo(AuthHost.Origin(_host)));
        });
    }

    [Test]
    [Description("auth.allowedOrigins (default: the server's own origin): a page of another origin gets invalidOrigin, even with a valid cookie")]
    public async Task Token_WrongOrigin_InvalidOrigin()
    {
        using var browser = AuthHost.Browser(_host);
        await AuthHost.LoginAsync(browser, "readers", "bob");
        var (message, target) = await AuthHost.TokenAsync(browser, "readers", "https://evil.example.org");
        using var page = await browser.GetAsync(new Uri("/auth/token/readers?messageId=1&origin=https://evil.example.org", UriKind.Relative));

        Assert.That(message.GetProperty("profile").GetString(), Is.EqualTo("invalidOrigin"));
        Assert.That(message.TryGetProperty("accessToken", out _), Is.False);
        Assert.That(target, Is.EqualTo("https://evil.example.org"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token page always answers 200");
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo("frame-ancestors https://evil.example.org"));
    }

    [Test]
    [Description("A token request without messageId or with a malformed origin is invalidRequest and posts to no one")]
    public async Task Token_MalformedOrigin_PostsNothing()
    {
        var page = await _host.Client.GetStringAsync(new Uri("/auth/token/readers?messageId=1&origin=javascript:alert(1)", UriKind.Relative));

        Assert.That(page, Does.Not.Contain("postMessage"));
    }

    [Test]
    [Description("Rule order matters: restricted-open-* is matched by the open rule before the restricted-* rule")]
    public async Task RuleOrder_FirstMatchWins()
    {
        using var open = await _host.GetAsync("/iiif/3/restricted-open-map/full/64,/0/default.jpg");
        using var restricted = await _host.GetAsync("/iiif/3/restricted-book/full/64,/0/default.jpg");
        var reportOpen = await AdminJsonAsync("/admin/auth/rule/restricted-open-map");
        var reportRestricted = await AdminJsonAsync("/admin/auth/rule/restricted-book");
        var reportNone = await AdminJsonAsync("/admin/auth/rule/open-photo");

        Assert.Multiple(() =>
        {
            Assert.That(open.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(restricted.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(reportOpen.GetProperty("rule").GetInt32(), Is.EqualTo(0));
            Assert.That(reportOpen.GetProperty("policy").GetString(), Is.EqualTo("open"));
            Assert.That(reportRestricted.GetProperty("rule").GetInt32(), Is.EqualTo(1));
            Assert.That(reportRestricted.GetProperty("policy").GetString(), Is.EqualTo("readers"));
            Assert.That(reportRestricted.GetProperty("degraded").GetProperty("identifier").GetString(), Is.EqualTo("restricted-book/degraded"));
            Assert.That(reportNone.GetProperty("rule").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(reportNone.GetProperty("restricted").GetBoolean(), Is.False);
        });
    }

    [Test]
    [Description("The admin rule endpoint is protected like the others and listed in Swagger")]
    public async Task AdminRule_NeedsKeyAndIsInSwagger()
    {
        using var noKey = await _host.GetAsync("/admin/auth/rule/restricted-book");
        var swagger = await _host.Client.GetStringAsync(new Uri("/admin/swagger/admin/swagger.json", UriKind.Relative));

        Assert.That(noKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(swagger, Does.Contain("/admin/auth/rule/{id}"));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _host.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> AdminJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", RunningHost.AdminKey);
        using var response = await _host.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

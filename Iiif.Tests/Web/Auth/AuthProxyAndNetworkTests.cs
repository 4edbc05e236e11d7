using System.Net;

namespace Iiif.Tests.Web.Auth;

/// <summary>The policies whose aspect is not our own login form: the user name a trusted reverse proxy sends (Shibboleth,
/// CAS, OIDC in front of the server) and the reading room's address range, both believed only from trusted proxies.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AuthProxyAndNetworkTests
{
    private const string Rules = """
            - prefix: sso-
              policy: sso
            - prefix: room-
              policy: room
        """;

    private const string Policies = """
            sso:
              type: login
              userHeader: X-Remote-User
              groupsHeader: X-Remote-Groups
              groups: [readers]
            room:
              type: network
              ranges: ["127.0.0.0/8", "::1"]
        """;

    [Test]
    [Description("login by proxy header: the login page names the user the proxy sent; its button sets the cookie")]
    public async Task ProxyHeader_FromTrustedProxy_LogsIn()
    {
        await using var host = await AuthHost.StartAsync(services: null, AuthHost.Yaml(firstRules: Rules, morePolicies: Policies), "sso-letter");
        using var browser = AuthHost.Browser(host);
        browser.DefaultRequestHeaders.Add("X-Remote-User", "carol");
        browser.DefaultRequestHeaders.Add("X-Remote-Groups", "staff; readers");
        var page = await browser.GetStringAsync(new Uri("/auth/login/sso", UriKind.Relative));
        var done = await AuthHost.PostFormAsync(browser, "/auth/login/sso", page);
        browser.DefaultRequestHeaders.Clear();
        using var image = await browser.GetAsync(new Uri("/iiif/3/sso-letter/full/64,/0/default.jpg", UriKind.Relative));

        Assert.That(page, Does.Contain("You are logged in as <strong>carol</strong>"));
        Assert.That(done, Does.Contain("You are logged in"));
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie, not the header, gives access to images");
    }

    [Test]
    [Description("login by proxy header: the header from an address outside server.trustedProxies is ignored")]
    public async Task ProxyHeader_FromUntrustedPeer_Ignored()
    {
        var yaml = AuthHost.Yaml(extra: "server:\n  trustedProxies: [10.9.9.9]", firstRules: Rules, morePolicies: Policies);
        await using var host = await AuthHost.StartAsync(services: null, yaml, "sso-letter");
        using var browser = AuthHost.Browser(host);
        browser.DefaultRequestHeaders.Add("X-Remote-User", "mallory");
        browser.DefaultRequestHeaders.Add("X-Remote-Groups", "readers");
        var page = await browser.GetStringAsync(new Uri("/auth/login/sso", UriKind.Relative));
        using var image = await browser.GetAsync(new Uri("/iiif/3/sso-letter/full/64,/0/default.jpg", UriKind.Relative));

        Assert.That(page, Does.Not.Contain("mallory").And.Contain("did not say who you are"));
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    [Description("network: inside the range, images, the probe without token and the token service all grant access")]
    public async Task Network_InsideRange_Granted()
    {
        await using var host = await AuthHost.StartAsync(services: null, AuthHost.Yaml(firstRules: Rules, morePolicies: Policies), "room-map");
        using var image = await host.GetAsync("/iiif/3/room-map/full/64,/0/default.jpg");
        var probe = await AuthHost.ProbeAsync(host.Client, "room-map");
        var (message, _) = await AuthHost.TokenAsync(host.Client, "room", AuthHost.Origin(host));
        var withToken = await AuthHost.ProbeAsync(host.Client, "room-map", message.GetProperty("accessToken").GetString());

        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(probe.GetProperty("status").GetInt32(), Is.EqualTo(200));
        Assert.That(message.GetProperty("type").GetString(), Is.EqualTo("AuthAccessToken2"));
        Assert.That(withToken.GetProperty("status").GetInt32(), Is.EqualTo(200));
    }

    [TestCase("127.0.0.1", HttpStatusCode.OK)]
    [TestCase("10.9.9.9", HttpStatusCode.Unauthorized)]
    [Description("network (10.0.0.0/8): X-Forwarded-For: 10.1.2.3 counts only when the peer (127.0.0.1) is a trusted proxy")]
    public async Task Network_ForwardedFor_OnlyFromTrustedProxy(string trustedProxy, HttpStatusCode expected)
    {
        var yaml = AuthHost.Yaml(extra: $"server:\n  trustedProxies: [{trustedProxy}]");
        await using var host = await AuthHost.StartAsync(services: null, yaml, "site-scroll");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/iiif/3/site-scroll/full/64,/0/default.jpg", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "10.1.2.3");
        using var response = await host.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }
}

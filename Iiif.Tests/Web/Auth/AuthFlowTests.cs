using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Iiif.Tests.Web.Auth;

/// <summary>Each policy end to end over HTTP, as a browser and a viewer go through it: the access service sets the
/// cookie, the token service turns it into a token, the probe turns 200 with it, images follow the cookie, logout and
/// time take it all back.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AuthFlowTests
{
    private const string Book = "/iiif/3/restricted-book/full/100,/0/default.jpg";
    private FakeTimeProvider _time = null!;
    private RunningHost _host = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _host = await AuthHost.StartAsync(s => s.AddSingleton<TimeProvider>(_time), AuthHost.Yaml(),
            "restricted-book", "staff-plan", "terms-deed", "site-scroll");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    [Description("login: form -> cookie -> token -> probe 200 -> image 200 (private); logout -> old token refused, image 401")]
    public async Task Login_TokenProbeImage_ThenLogoutTakesItBack()
    {
        using var browser = AuthHost.Browser(_host);
        var done = await AuthHost.LoginAsync(browser, "readers", "bob");
        var (message, _) = await AuthHost.TokenAsync(browser, "readers", AuthHost.Origin(_host), "flow-1");
        var token = message.GetProperty("accessToken").GetString()!;
        var cookie = AuthHost.CookieOf(browser, _host);
        var probe = await AuthHost.ProbeAsync(_host.Client, "restricted-book", token);
        using var image = await browser.GetAsync(new Uri(Book, UriKind.Relative));

        await browser.GetStringAsync(new Uri("/auth/logout", UriKind.Relative));
        var afterLogout = await AuthHost.ProbeAsync(_host.Client, "restricted-book", token);
        using var imageAfter = await browser.GetAsync(new Uri(Book, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(done, Does.Contain("You are logged in"));
            Assert.That(message.GetProperty("type").GetString(), Is.EqualTo("AuthAccessToken2"));
            Assert.That(message.GetProperty("messageId").GetString(), Is.EqualTo("flow-1"));
            Assert.That(message.GetProperty("expiresIn").GetInt32(), Is.InRange(1, 300));
            Assert.That(cookie, Is.Not.Null.And.Not.EqualTo(token), "the token is no cookie value (https://iiif.io/api/auth/2.0/#accesstoken)");
            Assert.That(probe.GetProperty("status").GetInt32(), Is.EqualTo(200));
            Assert.That(probe.TryGetProperty("substitute", out _), Is.False);
            Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(image.Headers.CacheControl?.Private, Is.True, "never kept by a shared cache");
            Assert.That(image.Headers.CacheControl?.NoCache, Is.True, "revalidated, so logout takes effect");
            Assert.That(afterLogout.GetProperty("status").GetInt32(), Is.EqualTo(401), "the token of a logged-out session is refused");
            Assert.That(imageAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    [Description("A wrong password sets no cookie")]
    public async Task Login_WrongPassword_NoAccess()
    {
        using var browser = AuthHost.Browser(_host);
        var page = await AuthHost.LoginAsync(browser, "readers", "bob", "wrong");
        using var image = await browser.GetAsync(new Uri(Book, UriKind.Relative));

        Assert.That(page, Does.Contain("Unknown user name or wrong password"));
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    [Description("login with groups: bob (no group) gets 403 and invalidAspect for the staff policy; alice (staff) gets in")]
    public async Task StaffPolicy_GroupDecides()
    {
        using var bob = AuthHost.Browser(_host);
        using var alice = AuthHost.Browser(_host);
        await AuthHost.LoginAsync(bob, "readers", "bob");
        var refused = await AuthHost.LoginAsync(bob, "staff", "bob");
        var (bobToken, _) = await AuthHost.TokenAsync(bob, "staff", AuthHost.Origin(_host));
        using var bobImage = await bob.GetAsync(new Uri("/iiif/3/staff-plan/full/64,/0/default.jpg", UriKind.Relative));
        await AuthHost.LoginAsync(alice, "staff", "alice");
        using var aliceImage = await alice.GetAsync(new Uri("/iiif/3/staff-plan/full/64,/0/default.jpg", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(refused, Does.Contain("does not give access"));
            Assert.That(bobToken.GetProperty("profile").GetString(), Is.EqualTo("invalidAspect"));
            Assert.That(bobImage.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(aliceImage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    [Description("terms: the accept button sets the cookie; accepting keeps an earlier login")]
    public async Task Terms_AcceptGivesAccessAndKeepsLogin()
    {
        using var browser = AuthHost.Browser(_host);
        await AuthHost.LoginAsync(browser, "readers", "bob");
        using var before = await browser.GetAsync(new Uri("/iiif/3/terms-deed/full/64,/0/default.jpg", UriKind.Relative));
        var terms = await browser.GetStringAsync(new Uri("/auth/terms/terms", UriKind.Relative));
        var done = await AuthHost.PostFormAsync(browser, "/auth/terms/terms", terms);
        using var after = await browser.GetAsync(new Uri("/iiif/3/terms-deed/full/64,/0/default.jpg", UriKind.Relative));
        using var book = await browser.GetAsync(new Uri(Book, UriKind.Relative));
        var (token, _) = await AuthHost.TokenAsync(browser, "terms", AuthHost.Origin(_host));

        Assert.Multiple(() =>
        {
            Assert.That(terms, Does.Contain("Do not redistribute."));
            Assert.That(done, Does.Contain("You accepted the terms"));
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(book.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the login is still there");
            Assert.That(token.GetProperty("type").GetString(), Is.EqualTo("AuthAccessToken2"));
        });
    }

    [Test]
    [Description("network: 127.0.0.1 is outside 10.0.0.0/8: 401, missingAspect, and the external access service has no id")]
    public async Task Network_OutsideRange_Refused()
    {
        using var image = await _host.GetAsync("/iiif/3/site-scroll/full/64,/0/default.jpg");
        var (message, _) = await AuthHost.TokenAsync(_host.Client, "onsite", AuthHost.Origin(_host));
        var info = await _host.Client.GetStringAsync(new Uri("/iiif/3/site-scroll/info.json", UriKind.Relative));
        var probe = await AuthHost.ProbeAsync(_host.Client, "site-scroll");

        Assert.Multiple(() =>
        {
            Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(message.GetProperty("profile").GetString(), Is.EqualTo("missingAspect"));
            Assert.That(info, Does.Contain("\"profile\":\"external\"").And.Not.Contain("/auth/login/onsite"));
            Assert.That(probe.GetProperty("substitute")[0].GetProperty("id").GetString(), Does.EndWith("site-scroll%2Fdegraded"));
        });
    }

    [Test]
    [Description("An expired cookie: expiredAspect from the token service, 401 for images")]
    public async Task Cookie_Expired_ExpiredAspectAnd401()
    {
        using var browser = AuthHost.Browser(_host);
        await AuthHost.LoginAsync(browser, "readers", "bob");
        _time.Advance(TimeSpan.FromHours(9));
        var (message, _) = await AuthHost.TokenAsync(browser, "readers", AuthHost.Origin(_host));
        using var image = await browser.GetAsync(new Uri(Book, UriKind.Relative));

        Assert.That(message.GetProperty("profile").GetString(), Is.EqualTo("expiredAspect"));
        Assert.That(image.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    [Description("An expired token: the probe says 401 again, while the cookie itself still works")]
    public async Task Token_Expired_ProbeRefuses()
    {
        using var browser = AuthHost.Browser(_host);
        await AuthHost.LoginAsync(browser, "readers", "bob");
        var (message, _) = await AuthHost.TokenAsync(browser, "readers", AuthHost.Origin(_host));
        var token = message.GetProperty("accessToken").GetString()!;
        var fresh = await AuthHost.ProbeAsync(_host.Client, "restricted-book", token);
        _time.Advance(TimeSpan.FromSeconds(message.GetProperty("expiresIn").GetInt32() + 1));
        var expired = await AuthHost.ProbeAsync(_host.Client, "restricted-book", token);
        var forOtherPolicy = await AuthHost.ProbeAsync(_host.Client, "staff-plan", token);

        Assert.That(fresh.GetProperty("status").GetInt32(), Is.EqualTo(200));
        Assert.That(expired.GetProperty("status").GetInt32(), Is.EqualTo(401));
        Assert.That(forOtherPolicy.GetProperty("status").GetInt32(), Is.EqualTo(401), "a token is for its own policy only");
    }

    [Test]
    [Description("Tokens are bound to the cookie session: one issued near the cookie's end lives no longer than the cookie, and logout ends it at once")]
    public async Task Token_NearCookieEnd_NeverOutlivesTheCookie()
    {
        using var browser = AuthHost.Browser(_host);
        await AuthHost.LoginAsync(browser, "readers", "bob");
        // auth.cookie.lifetime is 8 hours; 100 s are left, auth.tokenLifetime (300 s) would be longer.
        _time.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(100));
        var (message, _) = await AuthHost.TokenAsync(browser, "readers", AuthHost.Origin(_host));
        var token = message.GetProperty("accessToken").GetString()!;
        _time.Advance(TimeSpan.FromSeconds(101));
        var afterCookie = await AuthHost.ProbeAsync(_host.Client, "restricted-book", token);

        Assert.That(message.GetProperty("expiresIn").GetInt32(), Is.InRange(1, 100));
        Assert.That(afterCookie.GetProperty("status").GetInt32(), Is.EqualTo(401));
    }

    [Test]
    [Description("A cookie that was tampered with is an invalid aspect")]
    public async Task Cookie_Tampered_InvalidAspect()
    {
        using var browser = AuthHost.Browser(_host, "iiif-auth=CfDJ8garbage");
        var (message, _) = await AuthHost.TokenAsync(browser, "readers", AuthHost.Origin(_host));

        Assert.That(message.GetProperty("profile").GetString(), Is.EqualTo("invalidAspect"));
    }
}

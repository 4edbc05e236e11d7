using System.Net;

namespace Iiif.Tests.Web.Auth;

/// <summary>A viewer on another site: auth.allowedOrigins lets its pages get tokens, and the cookie becomes
/// SameSite=None; Secure, the only kind browsers send with that viewer's tile requests.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AuthCrossSiteTests
{
    private const string Viewer = "https://viewer.example.com";

    [Test]
    public async Task AllowedOrigin_GetsToken_CookieIsSameSiteNoneSecure()
    {
        await using var host = await AuthHost.StartAsync(services: null, AuthHost.Yaml().Replace("  accountsFile:", $"  allowedOrigins: [\"{Viewer}\"]\n  accountsFile:", StringComparison.Ordinal), "restricted-book");
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseUri };
        var form = await browser.GetAsync(new Uri("/auth/login/readers", UriKind.Relative));
        var antiforgery = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/auth/login/readers", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["user"] = "bob", ["password"] = AuthHost.Password }),
        };
        post.Headers.Add("Cookie", string.Join("; ", antiforgery));
        using var loggedIn = await browser.SendAsync(post);
        var setCookie = loggedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iiif-auth=", StringComparison.Ordinal));
        using var tokenPage = new HttpRequestMessage(HttpMethod.Get, new Uri($"/auth/token/readers?messageId=x&origin={Uri.EscapeDataString(Viewer)}", UriKind.Relative));
        tokenPage.Headers.Add("Cookie", setCookie.Split(';')[0]);
        using var tokenResponse = await browser.SendAsync(tokenPage);
        var page = await tokenResponse.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(loggedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(setCookie, Does.Contain("samesite=none").IgnoreCase.And.Contain("secure").IgnoreCase.And.Contain("httponly").IgnoreCase);
            Assert.That(page, Does.Contain("\"type\":\"AuthAccessToken2\"").And.Contain($"\"{Viewer}\""));
        });
    }
}

using System.Net;

namespace Iiif.Tests.Web.Auth;

/// <summary>The access service pages in the reader's language (the policy's language maps, chosen by Accept-Language),
/// token errors keeping every language of the policy's note, and the refusals, token answers and logins on /metrics.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class AuthLanguagesAndMetricsTests
{
    private const string GermanPolicy = """
            lesesaal:
              type: login
              heading: { en: "Readers only", de: "Nur für Leser" }
              note: { en: "Log in with your library account.", de: "Melden Sie sich mit Ihrem Konto an." }
              confirmLabel: { en: "Log in", de: "Anmelden" }
        """;

    private RunningHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await AuthHost.StartAsync(
        services: null, AuthHost.Yaml(firstRules: "    - prefix: lesesaal-\n      policy: lesesaal", morePolicies: GermanPolicy),
        "lesesaal-brief", "restricted-book", "terms-deed");

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    [Description("https://iiif.io/api/auth/2.0/#active-interaction-pattern: the texts are language maps; the page a reader opens uses the reader's language, a regional tag finding its language")]
    public async Task LoginPage_AcceptLanguageGerman_ShowsTheGermanTexts()
    {
        using var browser = AuthHost.Browser(_host);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr;q=0.9, de-CH, en;q=0.5");
        var page = await browser.GetStringAsync(new Uri("/auth/login/lesesaal", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Nur für Leser").Or.Contain("Nur f&#xFC;r Leser"));
            Assert.That(page, Does.Contain("Melden Sie sich mit Ihrem Konto an."));
            Assert.That(page, Does.Contain(">Anmelden</button>"));
        });
    }

    [Test]
    [Description("Without a language the policy's English text is shown")]
    public async Task LoginPage_NoAcceptLanguage_ShowsEnglish()
    {
        using var browser = AuthHost.Browser(_host);
        var page = await browser.GetStringAsync(new Uri("/auth/login/lesesaal", UriKind.Relative));

        Assert.That(page, Does.Contain("Readers only"));
    }

    [Test]
    [Description("https://iiif.io/api/auth/2.0/#access-token-error-format: note is a language map; the policy's note keeps all its languages")]
    public async Task TokenError_MissingAspect_NoteInEveryLanguageOfThePolicy()
    {
        using var browser = AuthHost.Browser(_host);
        var (message, _) = await AuthHost.TokenAsync(browser, "lesesaal", AuthHost.Origin(_host));

        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("profile").GetString(), Is.EqualTo("missingAspect"));
            Assert.That(message.GetProperty("note").GetProperty("de")[0].GetString(), Is.EqualTo("Melden Sie sich mit Ihrem Konto an."));
            Assert.That(message.GetProperty("note").GetProperty("en")[0].GetString(), Is.EqualTo("Log in with your library account."));
        });
    }

    [Test]
    [Description("Refusals are counted by policy, status and reason; token answers and logins by result")]
    public async Task Metrics_CountRefusalsTokensAndLogins()
    {
        using var anonymous = AuthHost.Browser(_host);
        using var tampered = AuthHost.Browser(_host, "iiif-auth=not-a-ticket");
        using var bob = AuthHost.Browser(_host);
        await AuthHost.LoginAsync(bob, "readers", "bob");
        await AuthHost.LoginAsync(bob, "readers", "bob", "wrong password");
        await AuthHost.TokenAsync(bob, "readers", AuthHost.Origin(_host));
        await AuthHost.TokenAsync(bob, "readers", "https://elsewhere.example");
        var before = await MetricsAsync();

        using (var refused = await anonymous.GetAsync(new Uri("/iiif/3/restricted-book/full/max/0/default.jpg", UriKind.Relative)))
        using (var invalid = await tampered.GetAsync(new Uri("/iiif/3/restricted-book/full/max/0/default.jpg", UriKind.Relative)))
        using (var noTerms = await bob.GetAsync(new Uri("/iiif/3/terms-deed/full/max/0/default.jpg", UriKind.Relative)))
        {
            Assert.That(new[] { refused.StatusCode, invalid.StatusCode, noTerms.StatusCode }, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        }

        var after = await MetricsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Value(after, "iiif_auth_refused_total{policy=\"readers\",status=\"401\",reason=\"no-cookie\"}")
                - Value(before, "iiif_auth_refused_total{policy=\"readers\",status=\"401\",reason=\"no-cookie\"}"), Is.EqualTo(1));
            Assert.That(Value(after, "iiif_auth_refused_total{policy=\"readers\",status=\"401\",reason=\"invalid\"}")
                - Value(before, "iiif_auth_refused_total{policy=\"readers\",status=\"401\",reason=\"invalid\"}"), Is.EqualTo(1));
            Assert.That(Value(after, "iiif_auth_refused_total{policy=\"terms\",status=\"401\",reason=\"no-aspect\"}")
                - Value(before, "iiif_auth_refused_total{policy=\"terms\",status=\"401\",reason=\"no-aspect\"}"), Is.EqualTo(1));
            Assert.That(Value(before, "iiif_auth_logins_total{policy=\"readers\",result=\"success\"}"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Value(before, "iiif_auth_logins_total{policy=\"readers\",result=\"failure\"}"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Value(before, "iiif_auth_token_responses_total{policy=\"readers\",result=\"issued\"}"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Value(before, "iiif_auth_token_responses_total{policy=\"readers\",result=\"invalidOrigin\"}"), Is.GreaterThanOrEqualTo(1));
        });
    }

    private async Task<string[]> MetricsAsync() => (await _host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n');

    private static double Value(string[] lines, string series) =>
        lines.FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal)) is { } line
            ? double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
}

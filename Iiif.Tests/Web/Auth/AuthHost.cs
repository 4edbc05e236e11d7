using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Iiif.Tests.Web.Configuration;
using Iiif.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.Auth;

/// <summary>A real server with the auth configuration the auth tests share: rules whose order matters, a login policy
/// with a degraded version, a staff-only login policy, a terms policy and a reading-room network policy, and an
/// accounts file (alice in staff, bob in no group).</summary>
internal static partial class AuthHost
{
    public const string Password = "correct horse battery staple";

    /// <summary>The auth section. <paramref name="extra"/> is YAML added at the top level (other sections);
    /// <paramref name="firstRules"/> and <paramref name="morePolicies"/> are lines added before the rules and after the
    /// policies, indented as they are.</summary>
    public static string Yaml(string extra = "", string firstRules = "", string morePolicies = "") => $$"""
        {{extra}}
        auth:
          accountsFile: accounts.yml
          rules:
        {{firstRules}}
            - prefix: restricted-open-
              policy: open
            - prefix: restricted-
              policy: readers
            - match: "^staff-[a-z]+$"
              policy: staff
            - prefix: terms-
              policy: terms
            - prefix: site-
              policy: onsite
          policies:
            readers:
              type: login
              label: { en: "Log in to the Test Library", de: "Anmelden bei der Testbibliothek" }
              heading: { en: "Registered readers only" }
              note: { en: "Log in with your library account." }
              confirmLabel: { en: "Log in" }
              degraded: { maxSize: 200, gray: true }
            staff:
              type: login
              groups: [staff]
            terms:
              type: terms
              terms: { en: "Do not redistribute." }
            onsite:
              type: network
              ranges: ["10.0.0.0/8"]
              degraded: { maxSize: 120 }
        {{morePolicies}}
        """;

    public static void Prepare(WebTestFolder folder, string yaml, params string[] identifiers)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.WriteConfig("local.yml", yaml);
        folder.WriteConfig("accounts.yml", $"""
            alice:
              password: "{AccountStore.Hash(Password)}"
              groups: [staff]
            bob:
              password: "{AccountStore.Hash(Password)}"
            """);
        foreach (var identifier in identifiers.DefaultIfEmpty("restricted-book"))
        {
            RunningHost.AddImage(folder, identifier);
        }
    }

    public static Task<RunningHost> StartAsync(params string[] identifiers) => StartAsync(null, Yaml(), identifiers);

    /// <summary>A server with <paramref name="yaml"/> as its local.yml (see <see cref="Yaml"/>).</summary>
    public static Task<RunningHost> StartAsync(Action<IServiceCollection>? services, string yaml, params string[] identifiers) =>
        StartWithArgsAsync(services, yaml, identifiers, []);

    /// <summary>As <see cref="StartAsync(Action{IServiceCollection}?, string, string[])"/>, with more command-line switches.</summary>
    public static Task<RunningHost> StartWithArgsAsync(Action<IServiceCollection>? services, string yaml, string[] identifiers, string[] args) =>
        RunningHost.StartAsync(f => Prepare(f, yaml, identifiers), services, ["--admin:apiKey=" + RunningHost.AdminKey, .. args]);

    /// <summary>A client with its own cookie jar, like one browser.</summary>
    public static HttpClient Browser(RunningHost host) => Browser(host, cookie: null);

    /// <summary>The access cookie's value in a browser of <see cref="Browser(RunningHost)"/>, or null.</summary>
    public static string? CookieOf(HttpClient browser, RunningHost host) =>
        Jars.TryGetValue(browser, out var jar) ? jar.GetCookies(host.BaseUri)["iiif-auth"]?.Value : null;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> Jars = [];

    /// <summary>A browser that already holds <paramref name="cookie"/> (name=value) for the host.</summary>
    public static HttpClient Browser(RunningHost host, string? cookie)
    {
        ArgumentNullException.ThrowIfNull(host);
        var jar = new CookieContainer();
        if (cookie is not null)
        {
            jar.SetCookies(host.BaseUri, cookie);
        }

        var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = host.BaseUri };
        Jars.AddOrUpdate(client, jar);
        return client;
    }

    /// <summary>Logs <paramref name="user"/> in through the login page of <paramref name="policy"/>, as a browser does
    /// (the form's antiforgery token included); returns the page the server answered.</summary>
    public static async Task<string> LoginAsync(HttpClient browser, string policy, string user, string password = Password)
    {
        var form = await browser.GetStringAsync(new Uri("/auth/login/" + policy, UriKind.Relative));
        return await PostFormAsync(browser, "/auth/login/" + policy, form, ("user", user), ("password", password));
    }

    public static async Task<string> PostFormAsync(HttpClient browser, string path, string formPage, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var token = AntiforgeryField().Match(formPage).Groups[1].Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);
        using var response = await browser.PostAsync(new Uri(path, UriKind.Relative), content);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The message the token page posts: its JSON and the target origin.</summary>
    public static async Task<(JsonElement Message, string? TargetOrigin)> TokenAsync(HttpClient browser, string policy, string origin, string messageId = "m1")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.GetStringAsync(new Uri($"/auth/token/{policy}?messageId={messageId}&origin={Uri.EscapeDataString(origin)}", UriKind.Relative));
        var call = PostMessage().Match(page);
        Assert.That(call.Success, Is.True, "the token page posts no message:\n" + page);
        return (JsonDocument.Parse(call.Groups[1].Value).RootElement.Clone(), JsonSerializer.Deserialize<string>(call.Groups[2].Value));
    }

    /// <summary>The probe's answer for an identifier, with an optional Bearer token.</summary>
    public static async Task<JsonElement> ProbeAsync(HttpClient client, string identifier, string? token = null, int version = 3)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/auth/probe/{version}/{identifier}", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the probe itself always answers 200");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static string Origin(RunningHost host) => host.BaseUri.GetLeftPart(UriPartial.Authority);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"window\.parent\.postMessage\((\{.*\}), (""[^""]*"")\);", RegexOptions.Singleline)]
    private static partial Regex PostMessage();
}

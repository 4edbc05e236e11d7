using Iiif.Tests.Web.Configuration;
using Iiif.Web;
using Iiif.Web.Auth;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Iiif.Tests.Web.Auth;

/// <summary>The auth section as an operator writes it: mistakes stop start-up naming the key, and rules select
/// policies in order (first match wins, nothing matched = open).</summary>
[TestFixture]
public class AuthConfigurationTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new WebTestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void Shipped_Defaults_AreOpen()
    {
        using var services = Build();
        var rules = new AccessRules(services.GetRequiredService<IOptions<AuthOptions>>());

        Assert.That(Failures(services), Is.Empty);
        Assert.That(rules.IsEnabled, Is.False);
        Assert.That(rules.PolicyFor("anything").IsRestricted, Is.False);
    }

    [TestCase("  rules:\n    - prefix: a\n      policy: nobody\n", "auth.rules.0.policy: 'nobody' is neither \"open\" nor a name")]
    [TestCase("  rules:\n    - prefix: a\n      match: b\n      policy: open\n", "auth.rules.0: needs exactly one of prefix or match")]
    [TestCase("  rules:\n    - match: \"[\"\n      policy: open\n", "auth.rules.0.match: '[' is not a valid regular expression")]
    [TestCase("  rules:\n    - prefx: a\n      policy: open\n", "auth.rules.0.prefx: unknown key; did you mean auth.rules.0.prefix?")]
    [TestCase("  policies:\n    p:\n      type: magic\n", "auth.policies.p.type: 'magic' must be one of login, terms, network, open")]
    [TestCase("  policies:\n    p:\n      type: network\n", "auth.policies.p.ranges: a network policy needs at least one address range")]
    [TestCase("  policies:\n    p:\n      type: network\n      ranges: [lan]\n", "auth.policies.p.ranges: 'lan' is neither")]
    [TestCase("  policies:\n    p:\n      type: login\n", "auth.policies.p: a login policy needs auth.accountsFile")]
    [TestCase("  policies:\n    p:\n      type: terms\n      lable: { en: x }\n", "auth.policies.p.lable: unknown key; did you mean auth.policies.p.label?")]
    [TestCase("  policies:\n    p:\n      type: terms\n      label: Log in\n", "auth.policies.p.label: must be a language map")]
    [TestCase("  policies:\n    p:\n      type: terms\n      degraded: { maxSize: -1 }\n", "auth.policies.p.degraded.maxSize: must be 0")]
    [TestCase("  allowedOrigins: [\"https://viewer.example.org/app\"]\n", "auth.allowedOrigins: 'https://viewer.example.org/app' is not an origin")]
    [TestCase("  tokenLifetime: 1\n", "auth.tokenLifetime: must be between 10 and 86400 seconds")]
    [TestCase("  cookie:\n    sameSite: sometimes\n", "auth.cookie.sameSite: must be one of auto, none, lax, strict")]
    public void Invalid_FailureNamesKey(string yaml, string expected)
    {
        _folder.WriteConfig("local.yml", "auth:\n" + yaml);
        using var services = Build();

        Assert.That(Failures(services), Has.One.StartsWith(expected));
    }

    [Test]
    [Description("First match wins: the order of the rules decides, and a later rule never overrides an earlier one")]
    public void Rules_FirstMatchWins()
    {
        _folder.WriteConfig("local.yml", """
            auth:
              rules:
                - prefix: archive/public-
                  policy: open
                - match: "^archive/.*-staff$"
                  policy: staff
                - prefix: archive/
                  policy: readers
              policies:
                readers: { type: terms }
                staff: { type: network, ranges: [10.0.0.0/8] }
            """);
        using var services = Build();
        var rules = new AccessRules(services.GetRequiredService<IOptions<AuthOptions>>());

        Assert.That(Failures(services), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(rules.RuleFor("archive/public-staff")!.Index, Is.EqualTo(0), "the open rule comes first");
            Assert.That(rules.PolicyFor("archive/public-staff").IsRestricted, Is.False);
            Assert.That(rules.PolicyFor("archive/plan-staff").Name, Is.EqualTo("staff"));
            Assert.That(rules.PolicyFor("archive/plan").Name, Is.EqualTo("readers"));
            Assert.That(rules.RuleFor("museum/plan"), Is.Null);
            Assert.That(rules.PolicyFor("museum/plan").Name, Is.EqualTo("open"));
        });
    }

    private static List<string> Failures(ServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception e) when (StartupErrors.Describe(e) is { } failures)
        {
            return [.. failures];
        }
    }

    private ServiceProvider Build()
    {
        var settings = IiifConfigurationSources.Load(_folder.Location(), ["--images", _folder.ImagesDirectory], WebTestFolder.NoEnvironment);
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment(_folder.Root))
            .AddIiifOptions()
            .BuildServiceProvider();
    }
}

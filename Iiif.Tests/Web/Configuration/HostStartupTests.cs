using System.Net;
using Iiif.Web;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Tests.Web.Configuration;

/// <summary>Starts the real host (Kestrel on a free loopback port) from a test config folder.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class HostStartupTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new WebTestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [Description("A bad value stops start-up with a message naming the key.")]
    public async Task StartAsync_BadValue_FailsNamingKey()
    {
        await using var app = HostingExtensions.CreateIiifBuilder(_folder.HostArgs("--limits:maxWidth=-5"), WebTestFolder.NoEnvironment)
            .BuildIiifApp();

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.That(error!.Failures, Has.One.EqualTo("limits.maxWidth: must be a positive integer, or 0 for no limit"));
    }

    [Test]
    public void CreateIiifBuilder_MisspeltKey_FailsNamingKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() =>
            HostingExtensions.CreateIiifBuilder(_folder.HostArgs("--limits:maxWdith=4000"), WebTestFolder.NoEnvironment));

        Assert.That(error!.Failures, Has.One.StartsWith("limits.maxWdith: unknown key"));
    }

    [Test]
    public async Task StartAsync_ValueOfWrongType_FailsNamingKey()
    {
        await using var app = HostingExtensions.CreateIiifBuilder(_folder.HostArgs("--imaging:tileSize=large"), WebTestFolder.NoEnvironment)
            .BuildIiifApp();

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.That(StartupErrors.Describe(error!), Has.One.EqualTo("imaging.tileSize: 'large' is not a whole number"));
    }

    [Test]
    public async Task RunIiifAsync_BadValue_ExitsWithConfigurationCodeAndTellsStandardError()
    {
        var original = Console.Error;
        using var standardError = new StringWriter();
        Console.SetError(standardError);
        int exitCode;
        try
        {
            exitCode = await HostingExtensions.RunIiifAsync(_folder.HostArgs("--imaging:jpegQuality=101"));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.That(exitCode, Is.EqualTo(HostingExtensions.ConfigurationErrorExitCode));
        Assert.That(standardError.ToString(), Does.Contain("Configuration error: imaging.jpegQuality: must be between 1 and 100"));
        Assert.That(File.ReadAllText(Path.Combine(_folder.LogDirectory, "iiif.log")), Does.Contain("\"EventName\":\"ConfigurationError\""));
    }

    [Test]
    public async Task StartAsync_ShippedDefaults_AnswersLiveness()
    {
        await using var app = HostingExtensions.CreateIiifBuilder(_folder.HostArgs(), WebTestFolder.NoEnvironment).BuildIiifApp();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"status":"ok"}"""));
        Assert.That(response.Headers.GetValues("X-Request-Id").Single(), Is.Not.Empty);
        await app.StopAsync();
    }
}

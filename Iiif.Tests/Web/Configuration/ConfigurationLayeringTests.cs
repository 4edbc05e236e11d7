using System.Collections;
using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Configuration;

[TestFixture]
public class ConfigurationLayeringTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new WebTestFolder(withShippedDefaults: false);

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [TestCase(1, "default")]
    [TestCase(2, "overlay")]
    [TestCase(3, "local")]
    [TestCase(4, "variable")]
    [TestCase(5, "command-line")]
    [Description("Layers, later wins: default.yml < {Environment}.yml < local.yml < IIIF_* variables < command line.")]
    public void Load_KeySetInEveryLayer_LatestLayerWins(int layers, string expected)
    {
        _folder.WriteConfig("default.yml", "info:\n  attribution: default\n  license: https://example.org/default\n");
        if (layers >= 2)
        {
            _folder.WriteConfig("Staging.yml", "info:\n  attribution: overlay\n");
        }

        if (layers >= 3)
        {
            _folder.WriteConfig("local.yml", "info:\n  attribution: local\n");
        }

        var variables = layers >= 4 ? new Hashtable { ["IIIF_INFO__ATTRIBUTION"] = "variable" } : new Hashtable();
        string[] args = layers >= 5 ? ["--info:attribution=command-line"] : [];

        var settings = IiifConfigurationSources.Load(_folder.Location("Staging"), args, variables);

        Assert.That(settings["info:attribution"], Is.EqualTo(expected));
        Assert.That(settings["info:license"], Is.EqualTo("https://example.org/default"), "keys no upper layer sets keep their default");
    }

    [Test]
    public void Load_OverlayOfAnotherEnvironment_IsNotRead()
    {
        _folder.WriteConfig("default.yml", "viewer:\n  enabled: true\n");
        _folder.WriteConfig("Development.yml", "viewer:\n  enabled: false\n");

        var settings = IiifConfigurationSources.Load(_folder.Location("Production"), [], WebTestFolder.NoEnvironment);

        Assert.That(settings["viewer:enabled"], Is.EqualTo("true"));
    }

    [Test]
    public void Load_EnvironmentNameInOtherCase_FindsOverlay()
    {
        _folder.WriteConfig("default.yml", "viewer:\n  enabled: true\n");
        _folder.WriteConfig("Development.yml", "viewer:\n  enabled: false\n");

        var settings = IiifConfigurationSources.Load(_folder.Location("development"), [], WebTestFolder.NoEnvironment);

        Assert.That(settings["viewer:enabled"], Is.EqualTo("false"));
    }

    [TestCase("--images", "/srv/images", "images:root")]
    [TestCase("--cache", "/srv/cache", "cache:root")]
    [TestCase("--urls", "http://0.0.0.0:8080", "server:urls")]
    [TestCase("--port", "8080", "server:port")]
    [TestCase("--environment", "Staging", "environment")]
    [TestCase("--config", "/etc/iiif", "configDir")]
    public void Load_ShortSwitch_SetsItsKey(string shortSwitch, string value, string key)
    {
        _folder.WriteConfig("default.yml", "images:\n  root: samples\n");

        var settings = IiifConfigurationSources.Load(_folder.Location(), [shortSwitch, value], WebTestFolder.NoEnvironment);

        Assert.That(settings[key], Is.EqualTo(value));
    }

    [Test]
    public void Locate_EnvironmentSwitch_SelectsOverlayBeforeFilesAreRead()
    {
        _folder.WriteConfig("default.yml", "logging:\n  level: Info\n");
        _folder.WriteConfig("Staging.yml", "logging:\n  level: Warn\n");
        string[] args = ["--config", _folder.ConfigDirectory, "--environment", "Staging"];

        var location = IiifConfigurationSources.Locate(args, WebTestFolder.NoEnvironment);
        var settings = IiifConfigurationSources.Load(location, args, WebTestFolder.NoEnvironment);

        Assert.That(location, Is.EqualTo(new IiifConfigurationLocation(_folder.ConfigDirectory, "Staging") { EnvironmentSource = "--environment" }));
        Assert.That(settings["logging:level"], Is.EqualTo("Warn"));
    }

    [TestCase("cli", "iiif", "aspnet", "dotnet", "cli")]
    [TestCase(null, "iiif", "aspnet", "dotnet", "iiif")]
    [TestCase(null, null, "aspnet", "dotnet", "aspnet")]
    [TestCase(null, null, null, "dotnet", "dotnet")]
    [TestCase(null, null, null, null, "Production")]
    public void Locate_Environment_CommandLineThenIiifThenAspNetVariables(
        string? commandLine, string? iiif, string? aspnet, string? dotnet, string expected)
    {
        var variables = new Hashtable
        {
            ["IIIF_ENVIRONMENT"] = iiif, ["ASPNETCORE_ENVIRONMENT"] = aspnet, ["DOTNET_ENVIRONMENT"] = dotnet,
        };
        string[] args = commandLine is null ? [] : ["--environment", commandLine];

        Assert.That(IiifConfigurationSources.Locate(args, variables).EnvironmentName, Is.EqualTo(expected));
    }

    [Test]
    public void Locate_NoConfigSwitch_UsesFolderNextToExecutable()
    {
        var location = IiifConfigurationSources.Locate([], WebTestFolder.NoEnvironment);

        Assert.That(location.ConfigDirectory, Is.EqualTo(Path.Combine(AppContext.BaseDirectory, "config")));
    }

    [Test]
    public void Locate_ConfigVariable_NamesFolder()
    {
        var variables = new Hashtable { ["IIIF_CONFIGDIR"] = _folder.ConfigDirectory };

        Assert.That(IiifConfigurationSources.Locate([], variables).ConfigDirectory, Is.EqualTo(_folder.ConfigDirectory));
    }

    [Test]
    [Description("As with node-config, a list in a later layer replaces the whole list below it.")]
    public void Load_OverlayList_ReplacesWholeList()
    {
        _folder.WriteConfig("default.yml", "images:\n  extensions: [jp2, tif, png]\n");
        _folder.WriteConfig("local.yml", "images:\n  extensions: [png]\n");

        var settings = IiifConfigurationSources.Load(_folder.Location(), [], WebTestFolder.NoEnvironment);

        Assert.That(ListAt(settings, "images:extensions"), Is.EqualTo(new[] { "png" }));
    }

    [Test]
    public void Load_OverlayEmptyList_EmptiesList()
    {
        _folder.WriteConfig("default.yml", "server:\n  trustedProxies: [127.0.0.1, \"::1\"]\n");
        _folder.WriteConfig("local.yml", "server:\n  trustedProxies: []\n");

        var settings = IiifConfigurationSources.Load(_folder.Location(), [], WebTestFolder.NoEnvironment);

        Assert.That(ListAt(settings, "server:trustedProxies"), Is.Empty);
    }

    [Test]
    public void Load_VariableSettingListItem_ReplacesWholeList()
    {
        _folder.WriteConfig("default.yml", "server:\n  trustedProxies: [127.0.0.1, \"::1\"]\n");
        var variables = new Hashtable { ["IIIF_SERVER__TRUSTEDPROXIES__0"] = "10.0.0.0/8" };

        var settings = IiifConfigurationSources.Load(_folder.Location(), [], variables);

        Assert.That(ListAt(settings, "server:trustedProxies"), Is.EqualTo(new[] { "10.0.0.0/8" }));
    }

    [Test]
    public void Load_MalformedYaml_FailsNamingTheFile()
    {
        _folder.WriteConfig("default.yml", "server:\n  urls: [unclosed\n");

        var error = Assert.Throws<InvalidConfigurationException>(
            () => IiifConfigurationSources.Load(_folder.Location(), [], WebTestFolder.NoEnvironment));

        Assert.That(error!.Failures.Single(), Does.Contain("default.yml"));
    }

    [Test]
    public void Load_NoDefaultFile_FailsNamingTheFile()
    {
        var error = Assert.Throws<InvalidConfigurationException>(
            () => IiifConfigurationSources.Load(_folder.Location(), [], WebTestFolder.NoEnvironment));

        Assert.That(error!.Failures.Single(), Does.Contain("default.yml: file not found"));
    }

    [Test]
    public void Load_UndefinedShortSwitch_FailsNamingTheCommandLine()
    {
        _folder.WriteConfig("default.yml", "viewer:\n  enabled: true\n");

        var error = Assert.Throws<InvalidConfigurationException>(
            () => IiifConfigurationSources.Load(_folder.Location(), ["-x", "1"], WebTestFolder.NoEnvironment));

        Assert.That(error!.Failures.Single(), Does.StartWith("command line:"));
    }

    private static List<string?> ListAt(Dictionary<string, string?> settings, string key) =>
        settings.Where(p => p.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Value)
            .ToList();
}

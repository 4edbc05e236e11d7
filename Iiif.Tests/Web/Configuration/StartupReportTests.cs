using System.Collections;
using System.Net;
using System.Net.Sockets;
using Iiif.Tests.TestUtilities;
using Iiif.Web;
using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Configuration;

/// <summary>Issue #13: what an operator sees when the server starts, or does not: the start-up lines whatever the
/// logging settings, one line and exit 71 for a port in use, YAML errors with line and column, a warning for an
/// environment without overlay, and an IIIF_* variable that is no setting named with the nearest real key.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class StartupReportTests
{
    private WebTestFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new WebTestFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    [Description("A port in use: one line naming the address on standard error and exit 71, not Kestrel's stack trace")]
    public async Task RunIiifAsync_PortInUse_OneLineAndCannotListenCode()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        var (exitCode, output, error) = await RunServerAsync(_folder.HostArgs("--urls", url));

        Assert.That(exitCode, Is.EqualTo(ExitCodes.CannotListen));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.StartWith("iiif: cannot listen: ").And.Contain(url).And.Contain("another process listens there"));
        Assert.That(output, Does.Not.Contain("listening on"));
        Assert.That(File.ReadAllText(Path.Combine(_folder.LogDirectory, "iiif.log")), Does.Contain("\"EventName\":\"CannotListen\""));
    }

    [Test]
    [Description("The real process without a loadable libtiff (an empty libtiff.so.6 found first): one line naming the package, exit 69, no port bound")]
    public async Task Server_LibtiffMissing_OneLineAndMissingCodecCode()
    {
        var libraries = Path.Combine(_folder.Root, "no-libtiff");
        Directory.CreateDirectory(libraries);
        await File.WriteAllBytesAsync(Path.Combine(libraries, "libtiff.so.6"), []);

        var (exitCode, output) = await ExecutableProcess.RunAsync(
            _folder.HostArgs("--urls", $"http://127.0.0.1:{FreePort()}"), TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = libraries });

        Assert.That(exitCode, Is.EqualTo(ExitCodes.MissingCodec), output);
        Assert.That(output, Does.Contain("libtiff.so.6 (TIFF) is missing").And.Contain("apt-get install libtiff6'"));
        Assert.That(output, Does.Not.Contain("libopenjp2").And.Not.Contain("libturbojpeg").And.Not.Contain("listening on"));
    }

    [Test]
    [Description("Listen addresses, environment, config folder and log file are printed even with the console log off")]
    public async Task StartupSummary_ConsoleLogOff_StillPrintsWhereItListensAndLogs()
    {
        var location = _folder.Location("Production");
        var lines = StartupSummary.Lines(location, ["http://127.0.0.1:3001"], [Path.Combine(_folder.LogDirectory, "iiif.log")]);

        Assert.That(lines, Is.EqualTo(new[]
        {
            "listening on http://127.0.0.1:3001",
            $"environment Production (no overlay file Production.yml), config folder {_folder.ConfigDirectory}",
            $"log file {Path.Combine(_folder.LogDirectory, "iiif.log")}",
        }));
        await Task.CompletedTask;
    }

    [Test]
    [Description("The real process: Production (console log off) still prints the start-up lines on standard output")]
    public async Task Executable_Production_PrintsStartupLines()
    {
        File.Copy(WebTestFolder.ShippedConfigFile("Production.yml"), Path.Combine(_folder.ConfigDirectory, "Production.yml"));
        var port = FreePort();
        using var server = ExecutableProcess.Start(_folder.HostArgs("--urls", $"http://127.0.0.1:{port}", "--environment", "Production"));

        var lines = await server.WaitForOutputAsync(text => text.Contains("iiif: log file", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.That(lines, Does.Contain($"iiif: listening on http://127.0.0.1:{port}"));
        Assert.That(lines, Does.Contain($"iiif: environment Production (overlay Production.yml), config folder {_folder.ConfigDirectory}"));
        Assert.That(lines, Does.Contain($"iiif: log file {Path.Combine(_folder.LogDirectory, "iiif.log")}"));
    }

    [Test]
    [Description("--environment Prodution (a typo): a warning naming the missing overlay and the likely name")]
    public async Task RunIiifAsync_ExplicitEnvironmentWithoutOverlay_Warns()
    {
        File.Copy(WebTestFolder.ShippedConfigFile("Production.yml"), Path.Combine(_folder.ConfigDirectory, "Production.yml"));
        // Bad configuration on purpose, so the server stops right after the warning.
        var (exitCode, _, error) = await RunServerAsync(_folder.HostArgs("--environment", "Prodution", "--imaging:jpegQuality=101"));

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Configuration));
        Assert.That(error, Does.Contain("iiif: warning: environment 'Prodution' (from --environment) has no overlay file Prodution.yml")
            .And.Contain("did you mean Production?"));
    }

    [Test]
    public void Location_DefaultEnvironmentWithoutOverlay_NoWarning() =>
        Assert.That(IiifConfigurationSources.Locate(["--config", _folder.ConfigDirectory], WebTestFolder.NoEnvironment).OverlayWarning(), Is.Null);

    [Test]
    [Description("YamlDotNet knows where a syntax error is: the message says the file, line and column")]
    public void Load_YamlSyntaxError_NamesLineAndColumn()
    {
        // The second key is indented by one space too few: a mistake made by hand every day.
        _folder.WriteConfig("local.yml", "server:\n  urls: http://127.0.0.1:3001\n prefix: iiif\nimages:\n  root: x\n");

        var error = Assert.Throws<InvalidConfigurationException>(
            () => IiifConfigurationSources.Load(_folder.Location(), [], WebTestFolder.NoEnvironment));

        Assert.That(error!.Failures.Single(), Does.Match(@"local\.yml: line 3, column \d+: \w"));
    }

    [TestCase("server:\n\turls: http://127.0.0.1:3001\n", 2, Description = "a tab used for indentation")]
    [TestCase("server:\n  urls: \"http://127.0.0.1:3001\n", 2, Description = "a quote never closed")]
    [TestCase("images:\n  extensions: [jp2, tif\n", 3, Description = "a list never closed: where the parser gives up")]
    [TestCase("server:\n  urls: a\n  urls: b\n", 3, Description = "a key given twice")]
    [TestCase("server:\n  urls: a\n- b\n", 3, Description = "a list item among keys")]
    [TestCase("server:\n  urls: a: b\n", 2, Description = "a colon in a plain value")]
    [Description("Mistakes made by hand in YAML are reported with the file and the line they are on (a tab in the "
        + "indentation on its own line, where YamlDotNet gives the start of the enclosing mapping)")]
    public void Load_HandMadeYamlMistakes_NameTheLine(string yaml, int line)
    {
        _folder.WriteConfig("local.yml", yaml);

        var error = Assert.Throws<InvalidConfigurationException>(
            () => IiifConfigurationSources.Load(_folder.Location(), [], WebTestFolder.NoEnvironment));

        Assert.That(error!.Failures.Single(), Does.Match($@"local\.yml: line {line}, column \d+: \w"));
    }

    [Test]
    [Description("IIIF_PORT exported for the installer: the server names the variable and the real key")]
    public void CreateIiifBuilder_StrayIiifVariable_NamesVariableAndNearestKey()
    {
        var variables = new Hashtable { ["IIIF_PORT"] = "3001" };

        var error = Assert.Throws<InvalidConfigurationException>(() => HostingExtensions.CreateIiifBuilder(_folder.HostArgs(), variables));

        Assert.That(error!.Failures, Has.One.StartsWith(
            "PORT: unknown key, set by environment variable IIIF_PORT; did you mean server.port (IIIF_SERVER__PORT)?"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunServerAsync(string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await HostingExtensions.RunIiifAsync(args);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}

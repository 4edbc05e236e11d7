using Iiif.Web;
using Iiif.Web.Cli;
using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Cli;

/// <summary>Issue #13: one System.CommandLine parser for the server and every command: help, version, unknown options
/// reported as unknown, the server's own switches still accepted, exit codes as documented.</summary>
[TestFixture]
public class CommandLineTests
{
    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    [Description("Every way of asking for help lists the commands and the exit codes, and succeeds")]
    public async Task Help_AnySpelling_ListsCommandsAndExitCodes(string argument)
    {
        var (exit, output, error) = await CliRunner.RunAsync(argument);

        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("Usage:\n  iiif [command] [options]"));
        foreach (var command in new[] { "convert", "samples", "warm", "clean", "help" })
        {
            Assert.That(output, Does.Contain("\n  " + command + " "), command);
        }

        Assert.That(output, Does.Contain("--images <DIR>").And.Contain("--section:key=value").And.Contain("78 bad configuration"));
    }

    [Test]
    public async Task HelpCommand_NamedCommand_ShowsThatCommandsHelp()
    {
        var (_, viaHelp, _) = await CliRunner.RunAsync("help", "warm");
        var (_, viaOption, _) = await CliRunner.RunAsync("warm", "--help");

        Assert.That(viaHelp, Is.EqualTo(viaOption));
        Assert.That(viaHelp, Does.Contain("iiif warm [<FOLDER>] [options]"));
    }

    [Test]
    public async Task Version_PrintsTheVersion()
    {
        var (exit, output, _) = await CliRunner.RunAsync("--version");

        Assert.That(exit, Is.Zero);
        Assert.That(output.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [TestCase(new[] { "wram" }, "command line: unexpected argument 'wram' (did you mean the command warm?)")]
    [TestCase(new[] { "--imagse", "/srv" }, "command line: unknown option '--imagse' (did you mean --images?)")]
    [TestCase(new[] { "--port" }, "command line: --port needs a value")]
    [TestCase(new[] { "--limits:maxWidth" }, "'--limits:maxWidth' has no value")]
    [Description("The server's command-line mistakes are configuration errors: one line each, exit 78, which systemd does not restart on")]
    public async Task Server_BadCommandLine_ExitsWithConfigurationCode(string[] args, string expected)
    {
        var (exit, output, error) = await CliRunner.RunAsync(args);

        Assert.That(exit, Is.EqualTo(ExitCodes.Configuration));
        Assert.That(error, Does.StartWith("Configuration error: ").And.Contain(expected));
        Assert.That(output, Is.Empty);
    }

    [Test]
    [Description("The short switches and the long form --section:key (with = or a separate value) set their keys")]
    public void ServerSwitches_ShortAndLongForms_SetKeys()
    {
        var keys = ServerSwitches.Read(["--images", "/srv/images", "--cache:root=/var/cache/x", "--limits:maxWidth", "4000",
            "--port=8080", "--logging:directory=/var/log/iiif/3001", "--environment", "Staging"]);

        Assert.That(keys.ToDictionary(k => k.Key, k => k.Value), Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["images:root"] = "/srv/images",
            ["cache:root"] = "/var/cache/x",
            ["limits:maxWidth"] = "4000",
            ["server:port"] = "8080",
            ["logging:directory"] = "/var/log/iiif/3001",
            ["environment"] = "Staging",
        }));
    }

    [Test]
    [Description("A command that reads no configuration refuses configuration switches instead of ignoring them")]
    public async Task Convert_ConfigurationSwitch_ReportedAsUnknown()
    {
        var (exit, _, error) = await CliRunner.RunAsync("convert", "a.png", "b.jp2", "--limits:maxWidth=5");

        Assert.That(exit, Is.EqualTo(CliCommands.UserErrorExitCode));
        Assert.That(error, Does.StartWith("iiif convert: unknown option '--limits:maxWidth'"));
    }
}

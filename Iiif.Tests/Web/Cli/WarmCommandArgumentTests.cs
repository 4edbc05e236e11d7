using Iiif.Web.Cli;

namespace Iiif.Tests.Web.Cli;

/// <summary>Argument mistakes of <c>iiif warm</c> and <c>iiif clean</c>: one line on stderr and exit code 2, before
/// anything is rendered.</summary>
[TestFixture]
public class WarmCommandArgumentTests
{
    [TestCase(new[] { "--tiles" }, "add --out DIR")]
    [TestCase(new[] { "--base-uri", "https://x.org/iiif" }, "add --out DIR")]
    [TestCase(new[] { "--out", "export" }, "--out needs --base-uri")]
    [TestCase(new[] { "--out", "export", "--base-uri", "ftp://x.org" }, "--base-uri must be an absolute http(s) URL")]
    [TestCase(new[] { "--out", "export", "--base-uri", "iiif/static" }, "--base-uri must be an absolute http(s) URL")]
    [TestCase(new[] { "--profile" }, "--profile needs a value")]
    [TestCase(new[] { "-p", "x" }, "unknown option '-p'")]
    [TestCase(new[] { "one", "two" }, "unexpected argument 'two'")]
    [TestCase(new[] { "--profil", "a" }, "unknown option '--profil' (did you mean --profile?)")]
    [TestCase(new[] { "no-such-folder-here" }, "images folder does not exist")]
    [TestCase(new[] { "--config" }, "--config needs a value")]
    public async Task Warm_BadArguments_ExitCode2(string[] args, string message)
    {
        var (exit, output, error) = await CliRunner.RunAsync(["warm", .. args]);

        Assert.That(exit, Is.EqualTo(CliCommands.UserErrorExitCode));
        Assert.That(error, Does.StartWith("iiif warm: ").And.Contain(message));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(output, Is.Empty);
    }

    [TestCase("warm", "--no:such:key=1", "configuration error: no: unknown key")]
    [TestCase("clean", "--no:such:key=1", "configuration error: no: unknown key")]
    [TestCase("clean", "stray", "unexpected argument 'stray'")]
    [TestCase("clean", "--imagse", "unknown option '--imagse' (did you mean --images?)")]
    [Description("Server switches are checked like the server checks them: an unknown key or stray word stops the command")]
    public async Task Command_BadServerSwitch_ReportsItInOneLine(string command, string arg, string expected)
    {
        var (exit, _, error) = await CliRunner.RunAsync(command, arg);

        Assert.That(exit, Is.EqualTo(CliCommands.UserErrorExitCode));
        Assert.That(error, Does.StartWith($"iiif {command}: {expected}"));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [TestCase("warm", "--out <DIR>")]
    [TestCase("clean", "cache.clean.profileImage")]
    public async Task Command_Help_PrintsUsage(string command, string expected)
    {
        var (exit, output, _) = await CliRunner.RunAsync(command, "--help");

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.Contain($"Usage:\n  iiif {command}").And.Contain(expected).And.Contain("Exit codes:"));
    }

    [TestCase(new string[0], new[] { "a", "b" })]
    [TestCase(new[] { "b" }, new[] { "b" })]
    [TestCase(new[] { "b", "b" }, new[] { "b" })]
    [Description("--profile NAME picks profiles (repeatable); none named = every profile")]
    public void SelectProfiles_Names_PicksThose(string[] names, string[] expected)
    {
        var profiles = new Dictionary<string, string> { ["a"] = "/full/max/0/default.jpg", ["b"] = "/full/600,/0/default.jpg" };

        var selected = WarmCommand.SelectProfiles(profiles, names);

        Assert.That(selected.Keys.Order(StringComparer.Ordinal), Is.EqualTo(expected));
    }

    [Test]
    public void SelectProfiles_Unknown_ThrowsNamingKnownOnes()
    {
        var profiles = new Dictionary<string, string> { ["full600"] = "/full/600,/0/default.jpg" };

        Assert.That(() => WarmCommand.SelectProfiles(profiles, ["thumb"]),
            Throws.TypeOf<CliException>().With.Message.EqualTo("unknown profile(s) thumb (known: full600)"));
    }

    [Test]
    public void Create_ServerSwitches_PassedToHostWithFolderAsImages()
    {
        var folder = CliRunner.NewFolder();
        try
        {
            var settings = WarmSettings.Create(folder, ["a"], "o", "https://x.org/s/", tiles: true, clear: false, ["--config", "cfg", "--cache:root=c"]);

            Assert.That(settings.HostArgs, Is.EqualTo(new[] { "--config", "cfg", "--cache:root=c", "--images", folder }));
            Assert.That(settings.Profiles, Is.EqualTo(new[] { "a" }));
            Assert.That((settings.Out, settings.BaseUri, settings.Tiles), Is.EqualTo(("o", "https://x.org/s", true)));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}

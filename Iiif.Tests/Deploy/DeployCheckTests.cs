using Iiif.Web.Configuration;

namespace Iiif.Tests.Deploy;

/// <summary>Issue #6: what this machine can check of deploy/ without Docker or a booted systemd: the install script
/// (run for real into a temporary root, twice), the systemd units, the nginx site and the Ansible playbook.</summary>
[TestFixture]
[Category("Deploy")]
[NonParallelizable]
public class DeployCheckTests
{
    [Test]
    [Description("install.sh run again (an upgrade) replaces the application but keeps the operator's local.yml.")]
    public async Task InstallScript_RunTwice_KeepsLocalSettingsAndLinksShippedLayers()
    {
        var root = await DeployEnvironment.InstalledRootAsync();
        var localYml = Path.Combine(root, "etc", "iiif", "local.yml");
        var settings = await File.ReadAllTextAsync(localYml) + "# kept\n";
        await File.WriteAllTextAsync(localYml, settings);
        var published = Path.Combine(Path.GetDirectoryName(root)!, "published");

        var (code, output) = await DeployEnvironment.RunAsync("bash", DeployEnvironment.InstallArguments(published, root), TimeSpan.FromMinutes(2));

        Assert.That(code, Is.Zero, output);
        Assert.That(await File.ReadAllTextAsync(localYml), Is.EqualTo(settings));
        Assert.That(File.Exists(Path.Combine(root, "opt", "iiif", "Iiif.Web.dll")), Is.True);
        Assert.That(new FileInfo(Path.Combine(root, "etc", "iiif", "default.yml")).LinkTarget,
            Is.EqualTo(Path.Combine(root, "opt", "iiif", "config", "default.yml")));
        Assert.That(Directory.Exists(Path.Combine(root, "var", "cache", "iiif")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(root, "var", "log", "iiif")), Is.True);
    }

    [Test]
    [Description("The settings install.sh writes pass the server's own key check.")]
    public async Task InstallScript_WrittenLocalYml_HasOnlyKnownKeys()
    {
        var root = await DeployEnvironment.InstalledRootAsync();

        Assert.That(ConfigurationKeyChecker.Check(ReadYaml(Path.Combine(root, "etc", "iiif", "local.yml"))), Is.Empty);
    }

    [Test]
    [Description("Issue #13: install.sh --base-uri writes the public address into a new local.yml, so info.json ids never follow a Host header.")]
    public async Task InstallScript_BaseUri_WrittenIntoLocalYml()
    {
        var installed = await DeployEnvironment.InstalledRootAsync();
        var work = Path.GetDirectoryName(installed)!;
        var root = Path.Combine(work, "with-base-uri");

        var (code, output) = await DeployEnvironment.RunAsync("bash",
            [.. DeployEnvironment.InstallArguments(Path.Combine(work, "published"), root), "--base-uri", "https://images.example.org"],
            TimeSpan.FromMinutes(2));

        Assert.That(code, Is.Zero, output);
        var settings = ReadYaml(Path.Combine(root, "etc", "iiif", "local.yml"));
        Assert.That(settings["server:baseUri"], Is.EqualTo("https://images.example.org"));
        Assert.That(ConfigurationKeyChecker.Check(settings), Is.Empty);
        Assert.That(output, Does.Not.Contain("set server.baseUri"), "no reminder when it is set");
    }

    [Test]
    public void DockerLocalYml_HasOnlyKnownKeys() =>
        Assert.That(ConfigurationKeyChecker.Check(ReadYaml(Path.Combine(DeployEnvironment.DeployDirectory, "docker", "local.yml"))), Is.Empty);

    [TestCase("iiif.service")]
    [TestCase("iiif@.service")]
    [Description("The units do not restart on the exit codes that would fail the same way again (config, cannot listen, no codec)")]
    public async Task SystemdUnit_RestartPrevented_OnEveryPermanentExitCode(string unit)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(DeployEnvironment.DeployDirectory, "systemd", unit));

        Assert.That(text, Does.Contain(FormattableString.Invariant(
            $"RestartPreventExitStatus={Iiif.Web.ExitCodes.MissingCodec} {Iiif.Web.ExitCodes.CannotListen} {Iiif.Web.ExitCodes.Configuration}\n")));
    }

    [TestCase("iiif.service", "iiif.service")]
    [TestCase("iiif@.service", "iiif@3001.service")]
    [Description("systemd-analyze verify on the shipped units, with /opt/iiif pointed at the test install (the only "
        + "path it checks that this machine lacks).")]
    public async Task SystemdUnit_Verify_ReportsNothing(string shipped, string instance)
    {
        var analyze = DeployEnvironment.RequireTool("systemd-analyze");
        var root = await DeployEnvironment.InstalledRootAsync();
        var folder = Directory.CreateTempSubdirectory("iiif-unit-").FullName;
        try
        {
            var unit = (await File.ReadAllTextAsync(Path.Combine(DeployEnvironment.DeployDirectory, "systemd", shipped)))
                .Replace("/opt/iiif", Path.Combine(root, "opt", "iiif"), StringComparison.Ordinal);
            var path = Path.Combine(folder, instance);
            await File.WriteAllTextAsync(path, unit);

            var (code, output) = await DeployEnvironment.RunAsync(analyze, ["verify", path], TimeSpan.FromMinutes(1));

            Assert.That(output.Trim(), Is.Empty);
            Assert.That(code, Is.Zero);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    [Description("nginx -t on the shipped site and snippet as shipped, with a generated certificate at the placeholder's place.")]
    public async Task NginxSite_ConfigTest_Succeeds()
    {
        var nginx = DeployEnvironment.RequireTool("nginx");
        var openssl = DeployEnvironment.RequireTool("openssl");
        var work = Directory.CreateTempSubdirectory("iiif-nginx-").FullName;
        try
        {
            var (code, output) = await DeployEnvironment.RunAsync(openssl,
                ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", Path.Combine(work, "privkey.pem"), "-out", Path.Combine(work, "fullchain.pem")], TimeSpan.FromMinutes(1));
            Assert.That(code, Is.Zero, output);
            var site = (await File.ReadAllTextAsync(Path.Combine(DeployEnvironment.DeployDirectory, "nginx", "iiif.conf")))
                .Replace("/etc/ssl/iiif", work, StringComparison.Ordinal)
                .Replace("/etc/nginx/snippets/iiif-proxy.conf", Path.Combine(DeployEnvironment.DeployDirectory, "nginx", "iiif-proxy.conf"), StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(work, "iiif.conf"), site);
            await File.WriteAllTextAsync(Path.Combine(work, "nginx.conf"), ScaleOutCluster.MainConfig(work));

            (code, output) = await DeployEnvironment.RunAsync(nginx,
                ["-t", "-p", work, "-c", Path.Combine(work, "nginx.conf"), "-e", Path.Combine(work, "error.log")], TimeSpan.FromMinutes(1));

            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("test is successful"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public async Task AnsiblePlaybook_SyntaxCheck_Succeeds()
    {
        var playbook = DeployEnvironment.RequireTool("ansible-playbook");

        var (code, output) = await DeployEnvironment.RunAsync(playbook,
            ["-i", "inventory.example.ini", "site.yml", "--syntax-check"], TimeSpan.FromMinutes(2), AnsibleDirectory);

        Assert.That(code, Is.Zero, output);
    }

    [Test]
    [Description("The playbook in check mode against this machine (connection local): every role runs without error; "
        + "steps that start services are skipped where systemd does not run the machine.")]
    public async Task AnsiblePlaybook_CheckModeOnLocalhost_Succeeds()
    {
        var playbook = DeployEnvironment.RequireTool("ansible-playbook");
        if (!DeployEnvironment.IsRoot)
        {
            Assert.Ignore("Check mode uses become (root) for apt and users; CI runs as root.");
        }

        var root = await DeployEnvironment.InstalledRootAsync();

        var (code, output) = await DeployEnvironment.RunAsync(playbook,
            ["-i", "inventory.example.ini", "-l", "local", "--check", "site.yml", "-e", "iiif_publish_dir=" + Path.Combine(root, "opt", "iiif")],
            TimeSpan.FromMinutes(5), AnsibleDirectory);

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Match(@"local\s*:\s*ok=\d+\s+changed=\d+\s+unreachable=0\s+failed=0"));
    }

    private static string AnsibleDirectory => Path.Combine(DeployEnvironment.DeployDirectory, "ansible");

    private static Dictionary<string, string?> ReadYaml(string path) =>
        ConfigurationLayerMerger.Merge([YamlLayer.Read(path, optional: false)]);
}

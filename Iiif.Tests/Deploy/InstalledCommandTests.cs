using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Deploy;

/// <summary>Issue #13, the CLI on an installed host: from a fresh install.sh into a temporary root, the cron lines
/// deploy/README.md documents (warm and clean, for iiif.service and for an iiif@PORT instance) run through the
/// installed <c>iiif</c> command as the service user with the service's configuration; afterwards the service, run as
/// that user, still writes its log and evicts the cache, and every log line is JSON.</summary>
[TestFixture]
[Category("Deploy")]
[NonParallelizable]
public partial class InstalledCommandTests
{
    private const string ServiceUser = "iiif";
    private const string AdminKey = "deploy-test-admin-key-0123";

    [Test]
    public async Task DocumentedCronLines_RunAsServiceUser_ServiceCanStillLogAndEvict()
    {
        var setpriv = DeployEnvironment.RequireTool("setpriv");
        if (!DeployEnvironment.IsRoot)
        {
            Assert.Ignore("The iiif command switches to the service user, which needs root; CI runs as root.");
        }

        var root = await DeployEnvironment.InstallFreshAsync("cron-root");
        File.Copy(TestImageFactory.PathOf(TestImageFactory.RgbTiled), Path.Combine(root, "srv", "iiif", "images", "scan.jp2"));
        var cronLines = CronLines();
        Assert.That(cronLines, Has.Count.GreaterThanOrEqualTo(4), "deploy/README.md documents warm and clean, with and without --instance");

        foreach (var line in cronLines)
        {
            var (code, output) = await RunLikeCronAsync(line.Replace("/usr/local/bin/iiif", Path.Combine(root, "usr", "local", "bin", "iiif"), StringComparison.Ordinal));
            Assert.That(code, Is.Zero, $"{line}\n{output}");
        }

        var cache = Path.Combine(root, "var", "cache", "iiif");
        var logs = Path.Combine(root, "var", "log", "iiif");
        Assert.That(Directory.EnumerateFiles(Path.Combine(cache, "derivatives"), "*.bin", SearchOption.AllDirectories), Is.Not.Empty, "warm filled the cache");
        Assert.That(File.Exists(Path.Combine(logs, "iiif-warm.log")) && File.Exists(Path.Combine(logs, "3001", "iiif-clean.log")), Is.True);
        await AssertAllOwnedByServiceUserAsync(cache, logs);

        await AssertServiceLogsAndEvictsAsync(setpriv, root, cache, logs);
    }

    [Test]
    [Description("install.sh refuses the old IIIF_PORT / IIIF_USER, which the server would read as unknown settings")]
    public async Task InstallScript_OldIiifVariable_RefusedWithTheNewName()
    {
        var (code, output) = await DeployEnvironment.RunAsync("env", ["IIIF_PORT=3005", "bash", Path.Combine(DeployEnvironment.DeployDirectory, "install.sh"), "--help"],
            TimeSpan.FromMinutes(1));

        Assert.That(code, Is.EqualTo(64));
        Assert.That(output, Does.Contain("INSTALL_IIIF_PORT"));
    }

    /// <summary>The lines of the ```cron block in deploy/README.md, as cron reads them.</summary>
    private static List<string> CronLines()
    {
        var readme = File.ReadAllText(Path.Combine(DeployEnvironment.DeployDirectory, "README.md"));
        var block = CronBlock().Match(readme);
        Assert.That(block.Success, Is.True, "deploy/README.md has a ```cron block");
        return block.Groups["body"].Value.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
    }

    /// <summary>Runs the command of an /etc/cron.d line (minute hour day month weekday user command) as cron does:
    /// /bin/sh -c, cron's PATH, as the line's user (root).</summary>
    private static async Task<(int Code, string Output)> RunLikeCronAsync(string line)
    {
        var fields = line.Split((char[]?)null, 7, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(fields, Has.Length.EqualTo(7), line);
        Assert.That(fields[5], Is.EqualTo("root"), "the documented lines run as root, and the iiif command switches to the service user");
        return await DeployEnvironment.RunAsync("env",
            ["-i", "PATH=/usr/bin:/bin", "HOME=/root", "SHELL=/bin/sh", "LOGNAME=root", "/bin/sh", "-c", fields[6]], TimeSpan.FromMinutes(3));
    }

    private static async Task AssertAllOwnedByServiceUserAsync(params string[] folders)
    {
        foreach (var folder in folders)
        {
            var (code, output) = await DeployEnvironment.RunAsync("find", [folder, "!", "-user", ServiceUser], TimeSpan.FromMinutes(1));
            Assert.That((code, output.Trim()), Is.EqualTo((0, string.Empty)), "not owned by the service user");
        }
    }

    /// <summary>The installed server, run as the service user: purges what the cron run cached, renders and stores anew,
    /// and writes its own log, all JSON lines.</summary>
    private static async Task AssertServiceLogsAndEvictsAsync(string setpriv, string root, string cache, string logs)
    {
        var port = DeployEnvironment.FreePort();
        var app = Path.Combine(root, "opt", "iiif");
        using var server = BackgroundProcess.Start("service", setpriv,
        [
            "--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--", Path.Combine(app, "Iiif.Web"),
            "--environment", "Production", "--config", Path.Combine(root, "etc", "iiif"),
            "--urls", "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture), "--admin:apiKey=" + AdminKey,
        ], app);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitForReadyAsync(client, server);

        using (var purge = new HttpRequestMessage(HttpMethod.Delete, new Uri("/admin/cache", UriKind.Relative)))
        {
            purge.Headers.Add("X-Api-Key", AdminKey);
            using var response = await client.SendAsync(purge);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync() + server);
        }

        Assert.That(Directory.EnumerateFiles(Path.Combine(cache, "derivatives"), "*.bin", SearchOption.AllDirectories), Is.Empty, "evicted");
        using (var tile = await client.GetAsync(new Uri("/iiif/3/scan/full/120,/0/default.jpg", UriKind.Relative)))
        {
            Assert.That(tile.StatusCode, Is.EqualTo(HttpStatusCode.OK), server.ToString());
        }

        var log = Path.Combine(logs, "iiif.log");
        // The request line is logged and the derivative written behind the response, both a moment after it.
        await Until.TrueAsync(
            async () => File.Exists(log) && (await File.ReadAllTextAsync(log)).Contains("/iiif/3/scan/full/120,", StringComparison.Ordinal)
                && Directory.EnumerateFiles(Path.Combine(cache, "derivatives"), "*.bin", SearchOption.AllDirectories).Any(),
            "the request logged and its derivative stored again");
        Assert.That(await File.ReadAllTextAsync(log), Does.Contain("/iiif/3/scan/full/120,"), server.ToString());
        foreach (var file in Directory.EnumerateFiles(logs, "*.log", SearchOption.AllDirectories))
        {
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                Assert.That(() => JsonDocument.Parse(line).Dispose(), Throws.Nothing, $"{file}: {line}");
            }
        }
    }

    private static async Task WaitForReadyAsync(HttpClient client, BackgroundProcess server)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.That(server.HasExited, Is.False, "exited early: " + server);
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("not ready: " + server);
    }

    [GeneratedRegex("```cron\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CronBlock();
}

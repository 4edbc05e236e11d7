using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Iiif.Tests.Deploy;

/// <summary>What the deployment tests share: the repository's deploy/ folder, the system tools they need, and one
/// published server installed by deploy/install.sh into a temporary root (made once per test run).</summary>
internal static class DeployEnvironment
{
    private static readonly Lazy<string> RepositoryRootPath = new(FindRepositoryRoot);
    private static readonly Lazy<Task<string>> InstalledRoot = new(InstallAsync);

    public static string RepositoryRoot => RepositoryRootPath.Value;

    public static string DeployDirectory => Path.Combine(RepositoryRoot, "deploy");

    public static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>The full path of a system tool; fails (not skips) naming the script that installs it, so CI counts a
    /// missing tool as a failure.</summary>
    public static string RequireTool(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Concat(["/usr/sbin", "/sbin"])
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail($"'{name}' is not installed. Run ./test.sh (it calls scripts/install-deps.sh nginx redis-server "
                + "ansible systemd), or scripts/install-deps.sh with the missing package, as root.");
        }

        return found!;
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs a command to its end; returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{fileName} timed out after {timeout}:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The root folder deploy/install.sh installed the published server into (opt/iiif, etc/iiif, srv/iiif,
    /// var/cache/iiif, var/log/iiif below it). Deleted at the end of the run.</summary>
    public static Task<string> InstalledRootAsync() => InstalledRoot.Value;

    /// <summary>Deletes the installed root, if one was made.</summary>
    public static void Cleanup()
    {
        if (InstalledRoot.IsValueCreated && InstalledRoot.Value.IsCompletedSuccessfully)
        {
            var root = InstalledRoot.Value.Result;
            Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
        }
    }

    /// <summary>The install script's arguments for a test root: no system packages (the test run installed them), no
    /// systemd, and a service user only when running as root.</summary>
    public static string[] InstallArguments(string published, string root) =>
        [Path.Combine(DeployDirectory, "install.sh"), "--from", published, "--root", root, "--no-systemd", "--no-deps", .. IsRoot ? Array.Empty<string>() : ["--no-user"]];

    /// <summary>Another install of the same published server into its own root under the run's folder, for a test that
    /// changes what it finds (images, cache, logs) and must not share them with the others.</summary>
    public static async Task<string> InstallFreshAsync(string name)
    {
        var installed = await InstalledRootAsync();
        var work = Path.GetDirectoryName(installed)!;
        var root = Path.Combine(work, name);
        var (code, output) = await RunAsync("bash", InstallArguments(Path.Combine(work, "published"), root), TimeSpan.FromMinutes(2));
        Assert.That(code, Is.Zero, "deploy/install.sh failed:\n" + output);
        return root;
    }

    private static async Task<string> InstallAsync()
    {
        var work = Directory.CreateTempSubdirectory("iiif-deploy-").FullName;
        // The service user must reach the installed tree, as it reaches /opt/iiif on a host.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var published = Path.Combine(work, "published");
        var configuration = typeof(DeployEnvironment).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        // The build this test run already made, published as an operator would (config/, wwwroot/, the app host).
        var project = Path.Combine(RepositoryRoot, "Iiif.Web", "Iiif.Web.csproj");
        var (code, output) = await RunAsync("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", published, "--nologo"], TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            (code, output) = await RunAsync("dotnet", ["publish", project, "-c", configuration, "-o", published, "--nologo"], TimeSpan.FromMinutes(8));
        }

        Assert.That(code, Is.Zero, "dotnet publish failed:\n" + output);
        var root = Path.Combine(work, "root");
        (code, output) = await RunAsync("bash", InstallArguments(published, root), TimeSpan.FromMinutes(2));
        Assert.That(code, Is.Zero, "deploy/install.sh failed:\n" + output);
        return root;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Iiif.sln")) && Directory.Exists(Path.Combine(directory.FullName, "deploy")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Iiif.sln and deploy/) was not found above " + AppContext.BaseDirectory);
    }
}

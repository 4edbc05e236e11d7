using System.ComponentModel;
using System.Diagnostics;

namespace Iiif.Tests.TestUtilities;

/// <summary>Runs a Debian command-line tool the tests make files with (vips, ojph_compress); test.sh installs them, so
/// a missing tool fails the test with the package to install.</summary>
internal static class ExternalTool
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/> and fails the test unless it exits 0
    /// within <paramref name="timeout"/>.</summary>
    public static void Run(string program, string package, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            Assert.Fail($"{program} is not installed (Debian package {package}; test.sh installs it).");
            return;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} did not finish within {timeout.TotalSeconds:0} s.");
            }

            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)} failed: {output.Result}{errors.Result}");
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;

namespace Iiif.Tests.TestUtilities;

/// <summary>Runs a Debian command-line tool the tests use to make or read test images (vips, tiffcp, tiffset,
/// tiff2rgba, djpeg, ojph_compress). test.sh installs them; a missing one fails the test with the package to install.</summary>
internal static class ExternalTool
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["vips"] = "libvips-tools",
        ["tiffcp"] = "libtiff-tools",
        ["tiffset"] = "libtiff-tools",
        ["tiff2rgba"] = "libtiff-tools",
        ["djpeg"] = "libjpeg-turbo-progs",
        ["ojph_compress"] = "openjph-tools",
    };

    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/> within two minutes and returns its standard
    /// output; fails the test with its standard error when it fails.</summary>
    public static string Run(string tool, params string[] arguments) =>
        Run(tool, Packages.GetValueOrDefault(tool, tool), DefaultTimeout, arguments);

    /// <summary>Runs <paramref name="program"/> (from the Debian <paramref name="package"/>) with
    /// <paramref name="arguments"/> and returns its standard output; fails the test unless it exits 0 within
    /// <paramref name="timeout"/>.</summary>
    public static string Run(string program, string package, TimeSpan timeout, params string[] arguments)
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
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.");
            }

            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)} failed: {errors.Result}");
            return output.Result;
        }
    }
}

using System.Diagnostics;

namespace Iiif.Tests.TestUtilities;

/// <summary>Runs a Debian command-line tool the tests use to make or read test images (vips, tiffcp, tiffset,
/// tiff2rgba). test.sh installs them; a missing one fails the test with the package to install.</summary>
internal static class ExternalTool
{
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["vips"] = "libvips-tools",
        ["tiffcp"] = "libtiff-tools",
        ["tiffset"] = "libtiff-tools",
        ["tiff2rgba"] = "libtiff-tools",
        ["djpeg"] = "libjpeg-turbo-progs",
    };

    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/> and returns its standard output; throws
    /// with its standard error when it fails.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed (Debian package {Packages.GetValueOrDefault(tool, tool)}; test.sh installs it).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish in 2 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
            }

            return output.Result;
        }
    }
}

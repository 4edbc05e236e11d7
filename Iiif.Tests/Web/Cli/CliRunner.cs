using Iiif.Web.Cli;

namespace Iiif.Tests.Web.Cli;

/// <summary>Runs a command as Program.cs would, capturing standard output and error (not a terminal).</summary>
internal static class CliRunner
{
    /// <summary>For convert and samples, which complete synchronously (no await inside), so nothing blocks here.</summary>
    public static (int ExitCode, string Out, string Error) Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliCommands.RunAsync(args, new CliConsole(output, error, ErrorIsTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A fresh folder under the temp folder; the caller deletes it.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iiif-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

namespace Iiif.Web.Cli;

/// <summary>The command-line tools of the server executable: <c>iiif convert ...</c>, <c>iiif samples ...</c>,
/// <c>iiif warm ...</c> and <c>iiif clean ...</c>. Any other first argument starts the server.</summary>
internal static class CliCommands
{
    /// <summary>Exit code for usage mistakes and unusable inputs or outputs (as getopt-style tools use 2).</summary>
    public const int UserErrorExitCode = 2;

    /// <summary>Exit code for an unexpected failure.</summary>
    public const int FailureExitCode = 1;

    /// <summary>True when <paramref name="args"/> names a command rather than server switches.</summary>
    public static bool IsCommand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && args[0] is ConvertCommand.Name or SamplesCommand.Name or WarmCommand.Name or CleanCommand.Name;
    }

    /// <summary>Runs the command named by <c>args[0]</c>; returns the process exit code. <c>convert</c> and <c>samples</c>
    /// complete synchronously.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var rest = args.Skip(1).ToArray();
        try
        {
            return args[0] switch
            {
                ConvertCommand.Name => ConvertCommand.Run(rest, console),
                SamplesCommand.Name => SamplesCommand.Run(rest, console),
                WarmCommand.Name => await WarmCommand.RunAsync(rest, console, cancellationToken).ConfigureAwait(false),
                CleanCommand.Name => await CleanCommand.RunAsync(rest, console, cancellationToken).ConfigureAwait(false),
                _ => throw new CliException($"unknown command '{args[0]}'"),
            };
        }
        catch (CliException e)
        {
            // One line, whatever the message: library messages (ArgumentOutOfRangeException's among them) span several.
            console.Error.WriteLine($"iiif {args[0]}: {e.Message.ReplaceLineEndings(" ")}");
            return UserErrorExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug or an environment fault (e.g. libopenjp2 missing): still one line, but a different exit code.
            console.Error.WriteLine($"iiif {args[0]}: unexpected {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return FailureExitCode;
        }
    }
}

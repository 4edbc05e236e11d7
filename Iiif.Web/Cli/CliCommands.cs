using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Iiif.Web.Configuration;

namespace Iiif.Web.Cli;

/// <summary>The executable's command line, parsed by System.CommandLine: with no command it runs the server; the
/// commands <c>convert</c>, <c>samples</c>, <c>warm</c>, <c>clean</c> and <c>help</c> are tools. One parser gives
/// every command generated help (-h, --help), the same error form and the exit codes of <see cref="ExitCodes"/>.</summary>
internal static class CliCommands
{
    /// <summary>Exit code for usage mistakes and unusable inputs or outputs (as getopt-style tools use 2).</summary>
    public const int UserErrorExitCode = ExitCodes.UserError;

    /// <summary>Exit code for an unexpected failure.</summary>
    public const int FailureExitCode = ExitCodes.Failure;

    public const string ProgramName = "iiif";

    private const string Details = """
        Exit codes: 0 done (or the server stopped); 1 unexpected failure; 2 a command's bad arguments or configuration,
        or an image that failed; the server only: 69 no JPEG 2000 codec, 71 cannot listen on an address,
        78 bad configuration or command line.
        """;

    /// <summary>Parses <paramref name="args"/> and runs the server or the command they name; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var (keys, others, problems) = ConfigurationSwitches.Split(args);
        var configurationSwitches = keys.Select(k => $"--{k.Key}={k.Value}").ToList();
        var root = CreateRoot(args, console, configurationSwitches);
        var result = root.Parse(ServerSwitches.KeepLastOccurrence(others));
        var command = result.CommandResult.Command;
        var isServer = ReferenceEquals(command, root);
        if (keys.Count > 0 && !isServer && !command.Options.Any(o => o.Name == "--config"))
        {
            problems.AddRange(keys.Select(k => $"unknown option '--{k.Key}' ({command.Name} reads no configuration)"));
        }

        if (result.Action is ParseErrorAction)
        {
            problems.AddRange(CommandLineErrors.Describe(result));
        }

        if (problems.Count > 0)
        {
            return ReportUsageErrors(problems, isServer ? null : command, console);
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            // The server handles SIGTERM itself (graceful shutdown); commands stop on the token they are given.
            ProcessTerminationTimeout = null,
        };
        return await result.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Wraps a command's work: a <see cref="CliException"/> becomes one line and exit code 2, anything else one
    /// line and exit code 1, never a stack trace.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Guard(
        string name, CliConsole console, Func<ParseResult, CancellationToken, Task<int>> run) => async (result, cancellationToken) =>
    {
        try
        {
            return await run(result, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            // One line, whatever the message: library messages (ArgumentOutOfRangeException's among them) span several.
            await console.Error.WriteLineAsync($"{ProgramName} {name}: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return UserErrorExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // A bug or an environment fault (e.g. libopenjp2 missing): still one line, but a different exit code.
            await console.Error.WriteLineAsync($"{ProgramName} {name}: unexpected {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}")
                .ConfigureAwait(false);
            return FailureExitCode;
        }
    };

    private static Command CreateRoot(IReadOnlyList<string> args, CliConsole console, IReadOnlyList<string> configurationSwitches)
    {
        // Not RootCommand, which is named after the executable file (Iiif.Web): the help says what an operator types.
        var root = new Command(ProgramName, "The IIIF Image API server: without a command it serves images; the commands are its tools.")
        {
            new VersionOption(),
        };
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ProgramName] = ServerSwitches.LongFormHelp + "\n\n" + Details,
            [ConvertCommand.Name] = ConvertCommand.Details,
            [SamplesCommand.Name] = SamplesCommand.Details,
            [WarmCommand.Name] = WarmCommand.Details,
            [CleanCommand.Name] = CleanCommand.Details,
            [HashPasswordCommand.Name] = HashPasswordCommand.Details,
        };
        var help = new HelpOption { Recursive = true };
        help.Action = new CliHelpAction((HelpAction)help.Action!, details);
        root.Add(help);
        new ServerSwitches().AddTo(root);
        root.SetAction((_, _) => HostingExtensions.RunIiifAsync([.. args]));
        root.Add(ConvertCommand.Create(console));
        root.Add(SamplesCommand.Create(console));
        root.Add(WarmCommand.Create(console, configurationSwitches));
        root.Add(CleanCommand.Create(console, configurationSwitches));
        root.Add(HashPasswordCommand.Create(console));
        root.Add(CreateHelp(root));
        return root;
    }

    /// <summary><c>iiif help [COMMAND]</c>: the same text as <c>iiif [COMMAND] --help</c>.</summary>
    private static Command CreateHelp(Command root)
    {
        var help = new Command("help", "Show the help of the server or of a command");
        var name = new Argument<string?>("COMMAND") { Description = "The command to explain", Arity = ArgumentArity.ZeroOrOne };
        name.AcceptOnlyFromAmong(["convert", "samples", "warm", "clean", HashPasswordCommand.Name, "help"]);
        help.Add(name);
        help.SetAction((result, cancellationToken) =>
        {
            var target = result.GetValue(name);
            return root.Parse(target is null ? ["--help"] : [target, "--help"]).InvokeAsync(result.InvocationConfiguration, cancellationToken);
        });
        return help;
    }

    /// <summary>The server reports its command-line mistakes as configuration errors (exit 78, which systemd does not
    /// restart on); a command as usage errors (exit 2). Both in one line per mistake, pointing at the help.</summary>
    private static int ReportUsageErrors(List<string> problems, Command? command, CliConsole console)
    {
        if (command is null)
        {
            foreach (var problem in problems)
            {
                console.Error.WriteLine($"Configuration error: command line: {problem}");
            }

            console.Error.WriteLine($"({ProgramName} --help lists the commands and switches)");
            return ExitCodes.Configuration;
        }

        console.Error.WriteLine($"{ProgramName} {command.Name}: {string.Join("; ", problems)} (see {ProgramName} {command.Name} --help)");
        return UserErrorExitCode;
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Iiif.Web.Cli;

/// <summary>System.CommandLine's generated help, followed by the longer text a command registers (what it does in
/// detail, its exit codes). The command's own description stays one line, since the parent's list of commands shows it.</summary>
internal sealed class CliHelpAction(HelpAction standard, IReadOnlyDictionary<string, string> details) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = standard.Invoke(parseResult);
        if (details.TryGetValue(parseResult.CommandResult.Command.Name, out var text))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(text.TrimEnd());
            output.WriteLine();
        }

        return exitCode;
    }
}

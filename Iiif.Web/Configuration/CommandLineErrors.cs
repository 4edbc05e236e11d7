using System.CommandLine;
using System.CommandLine.Parsing;

namespace Iiif.Web.Configuration;

/// <summary>System.CommandLine's parse errors as the one-line, lower-case sentences every other error of the server
/// and its commands uses, with a "did you mean" for a mistyped option or command.</summary>
internal static class CommandLineErrors
{
    public static List<string> Describe(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = result.CommandResult.Command;
        var problems = new List<string>();
        var unmatched = result.UnmatchedTokens;
        for (var i = 0; i < unmatched.Count; i++)
        {
            problems.Add(Unmatched(unmatched[i], command));
            // "-x 1": the value belongs to the unknown option and needs no report of its own.
            i += IsOption(unmatched[i]) && i + 1 < unmatched.Count && !IsOption(unmatched[i + 1]) ? 1 : 0;
        }

        foreach (var error in result.Errors)
        {
            // Each unmatched token also comes as an error of its own; it is reported above, with a suggestion.
            if (result.UnmatchedTokens.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)))
            {
                continue;
            }

            problems.Add(error.SymbolResult is OptionResult { Implicit: false, Tokens.Count: 0 } option
                ? $"{option.Option.Name} needs a value"
                : Sentence(error.Message));
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>An argument no option or command took: an unknown option, or a word out of place.</summary>
    public static string Unmatched(string token, Command command)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(command);
        if (IsOption(token))
        {
            var option = NearestName.Find(token, OptionNames(command));
            return $"unknown option '{token}'" + (option is null ? string.Empty : $" (did you mean {option}?)");
        }

        var subcommand = NearestName.Find(token, command.Subcommands.Select(c => c.Name));
        return $"unexpected argument '{token}'" + (subcommand is null ? string.Empty : $" (did you mean the command {subcommand}?)");
    }

    private static bool IsOption(string token) => token.Length > 1 && token.StartsWith('-');

    private static IEnumerable<string> OptionNames(Command command) =>
        command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(name => name.StartsWith("--", StringComparison.Ordinal));

    private static string Sentence(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }
}

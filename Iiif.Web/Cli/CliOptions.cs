using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Iiif.Web.Cli;

/// <summary>Options and arguments whose mistakes read like every other error of the commands
/// ("--tile must be an integer from 32 to 65536, not 'x'", "unknown option '--fats'").</summary>
internal static class CliOptions
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> Integer(string name, int min, int max, string description) =>
        new(name) { Description = description, HelpName = "N", CustomParser = result => (int?)Parse(result, name, min, max, integer: true) };

    /// <summary>A decimal number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<float?> Number(string name, float min, float max, string description) =>
        new(name) { Description = description, HelpName = "N", CustomParser = result => Parse(result, name, min, max, integer: false) };

    /// <summary>A positional argument that refuses words starting with '-': System.CommandLine would otherwise take a
    /// mistyped option (--profil) as the argument's value.</summary>
    public static Argument<string?> Positional(string name, string description, bool required)
    {
        var argument = new Argument<string?>(name)
        {
            Description = description,
            Arity = required ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
        };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
            {
                var command = (result.Parent as CommandResult)?.Command;
                result.AddError(command is null ? $"unknown option '{token.Value}'" : Configuration.CommandLineErrors.Unmatched(token.Value, command));
            }
        });
        return argument;
    }

    private static float? Parse(ArgumentResult result, string name, float min, float max, bool integer)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        var style = integer ? NumberStyles.None : NumberStyles.AllowDecimalPoint;
        if (float.TryParse(text, style, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        var kind = integer ? "an integer" : "a number";
        result.AddError(FormattableString.Invariant($"{name} must be {kind} from {min:0.##} to {max:0.##}, not '{text}'"));
        return null;
    }
}

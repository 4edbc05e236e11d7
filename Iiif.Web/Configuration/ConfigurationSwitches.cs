namespace Iiif.Web.Configuration;

/// <summary>Takes the long-form configuration switches (<c>--limits:maxWidth=4000</c>, <c>--limits:maxWidth 4000</c>)
/// out of a command line before System.CommandLine sees it. They have to go first: System.CommandLine reads
/// <c>--cache:root=/x</c> as the <c>--cache</c> switch with the value <c>root=/x</c>, and it knows no open set of keys.</summary>
internal static class ConfigurationSwitches
{
    /// <summary>The keys found (colon-separated, as configuration keys are), the other arguments in their order, and a
    /// problem per long-form switch without a value.</summary>
    public static (List<KeyValuePair<string, string?>> Keys, List<string> Others, List<string> Problems) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var keys = new List<KeyValuePair<string, string?>>();
        var rest = new List<string>();
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsLongForm(arg))
            {
                rest.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                keys.Add(new(arg[2..equals], arg[(equals + 1)..]));
            }
            else if (i + 1 < args.Count)
            {
                keys.Add(new(arg[2..], args[++i]));
            }
            else
            {
                problems.Add($"'{arg}' has no value (--section:key=value or --section:key value)");
            }
        }

        return (keys, rest, problems);
    }

    /// <summary>A switch whose name holds a colon: <c>--section:key</c>, with or without <c>=value</c>.</summary>
    public static bool IsLongForm(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? arg[2..] : arg[2..equals];
        return name.Contains(':', StringComparison.Ordinal) && !name.StartsWith(':') && !name.EndsWith(':');
    }
}

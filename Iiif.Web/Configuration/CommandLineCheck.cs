namespace Iiif.Web.Configuration;

/// <summary>Finds arguments the configuration command-line reader would skip without a word (a stray word, "-port 80",
/// a switch at the end with no value), so that a mistyped switch stops start-up instead of being ignored.</summary>
internal static class CommandLineCheck
{
    /// <summary>One "command line: ..." failure per argument that sets nothing.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) || arg.StartsWith('/'))
            {
                if (!arg.Contains('=', StringComparison.Ordinal) && ++i >= args.Count)
                {
                    problems.Add($"command line: '{arg}' has no value (--key value or --key=value)");
                }
            }
            else if (arg.StartsWith('-'))
            {
                problems.Add($"command line: '{arg}' is not a known switch (switches start with --)");
                // Its value, if any, belongs to it and needs no report of its own.
                i += i + 1 < args.Count && !args[i + 1].StartsWith('-') ? 1 : 0;
            }
            else if (!arg.Contains('=', StringComparison.Ordinal))
            {
                problems.Add($"command line: '{arg}' is not understood (--key value or --key=value)");
            }
        }

        return problems;
    }
}

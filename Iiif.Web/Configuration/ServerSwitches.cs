using System.CommandLine;

namespace Iiif.Web.Configuration;

/// <summary>The server's short switches (<c>--images DIR</c>, <c>--port N</c>, ...) as System.CommandLine options, each
/// setting one configuration key. The server and the commands that read the server's configuration (warm, clean) add
/// them to their command, so every one of them parses them, reports them and lists them in its help the same way.
/// Any other key is given in long form, <c>--section:key=value</c> (see <see cref="ConfigurationSwitches"/>).</summary>
internal sealed class ServerSwitches
{
    private static readonly (string Name, string Key, string HelpName, string Description)[] Definitions =
    [
        ("--images", "images:root", "DIR", "Folder of the source images (images.root)"),
        ("--cache", "cache:root", "DIR", "Folder of the file caches (cache.root)"),
        ("--urls", "server:urls", "URL", "Where to listen, several URLs separated by ; (server.urls)"),
        ("--port", "server:port", "N", "Replaces the port of every URL in server.urls (server.port)"),
        ("--environment", IiifConfigurationSources.EnvironmentKey, "NAME", "The environment, which names the overlay file config/NAME.yml (default: Production)"),
        ("--config", IiifConfigurationSources.ConfigDirectoryKey, "DIR", "The config folder with default.yml, the overlays and local.yml"),
    ];

    private readonly List<(Option<string> Option, string Key)> _options = Definitions
        .Select(d => (new Option<string>(d.Name) { HelpName = d.HelpName, Description = d.Description }, d.Key))
        .ToList();

    /// <summary>The text the help of the server, warm and clean adds about the long form.</summary>
    public const string LongFormHelp = "Any configuration key can also be set as --section:key=value (or --section:key value), "
        + "e.g. --limits:maxWidth=4000; config/default.yml lists every key.";

    /// <summary>Adds every switch to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (option, _) in _options)
        {
            command.Add(option);
        }
    }

    /// <summary>The configuration keys the switches in <paramref name="result"/> set, in command-line order.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Values(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _options
            .Where(o => result.GetResult(o.Option) is { Implicit: false })
            .Select(o => new KeyValuePair<string, string?>(o.Key, result.GetValue(o.Option) ?? string.Empty));
    }

    /// <summary>The switches in <paramref name="result"/> written out again (<c>--images DIR</c>), for a host built from them.</summary>
    public IEnumerable<string> Arguments(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var (option, _) in _options)
        {
            if (result.GetResult(option) is { Implicit: false })
            {
                yield return option.Name;
                yield return result.GetValue(option) ?? string.Empty;
            }
        }
    }

    /// <summary>Drops every occurrence of a switch but its last (<c>--images a ... --images b</c> means b), so that a
    /// later switch overrides an earlier one as later configuration layers do, instead of being an error.</summary>
    public static List<string> KeepLastOccurrence(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var occurrences = new List<(string Name, int Start, int Length)>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].Split('=', 2)[0];
            if (Definitions.Any(d => string.Equals(d.Name, name, StringComparison.Ordinal)))
            {
                var length = args[i].Contains('=', StringComparison.Ordinal) || i + 1 >= args.Count ? 1 : 2;
                occurrences.Add((name, i, length));
                i += length - 1;
            }
        }

        var dropped = occurrences
            .Where(o => occurrences.Any(later => later.Name == o.Name && later.Start > o.Start))
            .SelectMany(o => Enumerable.Range(o.Start, o.Length))
            .ToHashSet();
        return args.Where((_, index) => !dropped.Contains(index)).ToList();
    }

    /// <summary>Reads a server command line: the long-form keys and the short switches, as configuration keys.</summary>
    /// <exception cref="InvalidConfigurationException">An unknown switch, a switch without its value, a stray word.</exception>
    public static List<KeyValuePair<string, string?>> Read(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var split = ConfigurationSwitches.Split(args);
        var switches = new ServerSwitches();
        var command = new Command("iiif");
        switches.AddTo(command);
        var result = command.Parse(KeepLastOccurrence(split.Others));
        var problems = split.Problems.Concat(CommandLineErrors.Describe(result)).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems.Select(p => "command line: " + p).ToList());
        }

        return [.. split.Keys, .. switches.Values(result)];
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Iiif.Web.Configuration;

/// <summary>Reads one YAML file into flat configuration keys (limits:maxWidth).</summary>
internal static partial class YamlLayer
{
    /// <summary>The file's keys and values. The YAML provider drops empty lists and maps (<c>key: []</c>) without a
    /// trace; they are added back as empty values so that an overlay can empty a list of a lower layer.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Read(string path, bool optional)
    {
        if (!File.Exists(path))
        {
            return optional
                ? []
                : throw new InvalidConfigurationException([$"{path}: file not found (--config DIR names the config folder)"]);
        }

        try
        {
            // YamlDotNet itself first: it reports a syntax error's line and column, which the provider's exceptions drop.
            List<string> emptyCollections;
            using (var reader = File.OpenText(path))
            {
                emptyCollections = EmptyCollections(reader);
            }

            var values = new ConfigurationBuilder()
                .AddYamlFile(path, optional: false, reloadOnChange: false)
                .Build()
                .AsEnumerable()
                .Where(pair => pair.Value is not null)
                .ToList();
            values.AddRange(emptyCollections.Select(key => new KeyValuePair<string, string?>(key, string.Empty)));
            return values;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InvalidConfigurationException)
        {
            throw new InvalidConfigurationException(Describe(path, e), e);
        }
    }

    /// <summary>"local.yml: line 3, column 5: ..." from the YAML parser's own position, which the configuration
    /// provider's wrapping exceptions leave out of their messages. A tab in the indentation is reported on the line that
    /// holds it: YamlDotNet 13 gives the start of the enclosing mapping instead. Errors without any position name the
    /// file only.</summary>
    internal static string Describe(string path, Exception exception)
    {
        YamlException? deepest = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            deepest = e is YamlException { Start.Line: > 0 } yaml ? yaml : deepest;
        }

        if (deepest is null)
        {
            return $"{path}: {Innermost(exception).Message}";
        }

        var message = PositionPrefix().Replace(deepest.Message, string.Empty);
        var (line, column) = message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentingTab(path) is { } tab
            ? tab
            : (deepest.Start.Line, deepest.Start.Column);
        return string.Create(CultureInfo.InvariantCulture, $"{path}: line {line}, column {column}: {message}");
    }

    /// <summary>Line and column (from 1) of the first tab in a line's leading whitespace, or null.</summary>
    private static (long Line, long Column)? IndentingTab(string path)
    {
        try
        {
            var number = 0L;
            foreach (var text in File.ReadLines(path))
            {
                number++;
                var indent = text.Length - text.TrimStart(' ', '\t').Length;
                var tab = text.IndexOf('\t', StringComparison.Ordinal);
                if (tab >= 0 && tab < indent)
                {
                    return (number, tab + 1);
                }
            }
        }
        catch (IOException)
        {
            // The parser's own position stands.
        }

        return null;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();

    /// <summary>Keys of the empty sequences and mappings in a YAML document.</summary>
    internal static List<string> EmptyCollections(TextReader reader)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        var found = new List<string>();
        foreach (var document in stream.Documents)
        {
            Walk(document.RootNode, string.Empty, found);
        }

        return found;
    }

    private static void Walk(YamlNode node, string path, List<string> found)
    {
        switch (node)
        {
            case YamlMappingNode { Children.Count: 0 } or YamlSequenceNode { Children.Count: 0 } when path.Length > 0:
                found.Add(path);
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    Walk(value, Combine(path, (key as YamlScalarNode)?.Value ?? string.Empty), found);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], Combine(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), found);
                }

                break;
        }
    }

    private static string Combine(string path, string key) => path.Length == 0 ? key : ConfigurationPath.Combine(path, key);
}

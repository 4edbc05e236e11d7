using System.Text.RegularExpressions;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>Which identifiers one source rule takes (a prefix or a regular expression), and the values its templates
/// can use: <c>{identifier}</c>, <c>{path}</c> (after the prefix, or the whole identifier) and the regex's groups.</summary>
internal sealed class SourceRule
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly Regex Placeholder = new(@"\{([A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant, MatchTimeout);

    private readonly string? _prefix;
    private readonly Regex? _regex;

    public SourceRule(string name, string? prefix, string? regex)
    {
        Name = name;
        if (string.IsNullOrEmpty(prefix) == string.IsNullOrEmpty(regex))
        {
            throw new ArgumentException($"Source rule '{name}' must have either a prefix or a regex.", nameof(prefix));
        }

        _prefix = string.IsNullOrEmpty(prefix) ? null : prefix;
        _regex = string.IsNullOrEmpty(regex) ? null : new Regex(regex, RegexOptions.CultureInvariant, MatchTimeout);
    }

    /// <summary>The rule's name, for logs and metrics.</summary>
    public string Name { get; }

    /// <summary>The literal prefix, when the rule is a prefix rule (listing maps keys back through it).</summary>
    public string? Prefix => _prefix;

    /// <summary>The template values for <paramref name="identifier"/>, or null when the rule does not take it.</summary>
    public IReadOnlyDictionary<string, string>? Match(string identifier)
    {
        if (_prefix is not null)
        {
            return identifier.StartsWith(_prefix, StringComparison.Ordinal) && identifier.Length > _prefix.Length
                ? new Dictionary<string, string>(StringComparer.Ordinal) { ["identifier"] = identifier, ["path"] = identifier[_prefix.Length..] }
                : null;
        }

        var match = _regex!.Match(identifier);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["identifier"] = identifier, ["path"] = identifier };
        foreach (Group group in match.Groups)
        {
            if (group.Success && group.Name != "0")
            {
                values[group.Name] = group.Value;
            }
        }

        return values;
    }

    /// <summary><paramref name="template"/> with its placeholders replaced; <paramref name="encode"/> encodes each value.</summary>
    /// <exception cref="ArgumentException">The template names a value the rule does not give.</exception>
    public static string Expand(string template, IReadOnlyDictionary<string, string> values, Func<string, string> encode) =>
        Placeholder.Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? encode(value)
            : throw new ArgumentException($"The template names {{{m.Groups[1].Value}}}, which the rule does not give."));

    /// <summary>The placeholders <paramref name="template"/> names.</summary>
    public static IEnumerable<string> PlaceholdersOf(string template) =>
        Placeholder.Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>Percent-encodes each path segment of <paramref name="value"/>, keeping the slashes between them, and
    /// refuses dot segments (an identifier must not climb out of the upstream's folder).</summary>
    public static string EncodePath(string value) =>
        string.Join('/', value.Split('/').Select(segment => segment is "." or ".."
            ? throw new ArgumentException("An identifier may not hold '.' or '..' path segments.", nameof(value))
            : Uri.EscapeDataString(segment)));
}

using System.Text.Json.Nodes;

namespace Iiif.Core.Auth;

/// <summary>A user-facing text in several languages, written as a JSON language map
/// (https://iiif.io/api/presentation/3.0/#44-language-of-property-values): <c>{"en": ["Log in"], "de": ["Anmelden"]}</c>.
/// Each language has one text here; <c>none</c> is the key for a text of no particular language.</summary>
public sealed class LanguageMap
{
    private readonly KeyValuePair<string, string>[] _texts;

    /// <summary>A map of language tag to text; empty texts and blank tags are left out.</summary>
    public LanguageMap(IEnumerable<KeyValuePair<string, string>> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _texts = [.. texts.Where(t => !string.IsNullOrWhiteSpace(t.Key) && !string.IsNullOrEmpty(t.Value))];
    }

    /// <summary>The languages and their texts, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Texts => _texts;

    /// <summary>True when no language has a text.</summary>
    public bool IsEmpty => _texts.Length == 0;

    /// <summary>One English text.</summary>
    public static LanguageMap English(string text) => new([new("en", text)]);

    /// <summary>The map, or <paramref name="fallback"/> when it is null or empty.</summary>
    public static LanguageMap Or(LanguageMap? map, LanguageMap fallback) => map is { IsEmpty: false } ? map : fallback;

    /// <summary>The text for <paramref name="language"/>, else English, else <c>none</c>, else the first one.</summary>
    public string Text(string language = "en") =>
        Find(language) ?? Find("en") ?? Find("none") ?? (_texts.Length > 0 ? _texts[0].Value : string.Empty);

    /// <summary>The text for the first of <paramref name="preferred"/> (language tags in the reader's order, as an
    /// Accept-Language header lists them) that the map has, a regional tag also matching its language ("de-CH" finds
    /// "de"); else as <see cref="Text(string)"/> for English.</summary>
    public string Text(IEnumerable<string> preferred)
    {
        ArgumentNullException.ThrowIfNull(preferred);
        foreach (var language in preferred)
        {
            var dash = language.IndexOf('-', StringComparison.Ordinal);
            if ((Find(language) ?? (dash > 0 ? Find(language[..dash]) : null)) is { } text)
            {
                return text;
            }
        }

        return Text();
    }

    /// <summary>The JSON language map: each language with a one-element array.</summary>
    public JsonObject ToJson()
    {
        var node = new JsonObject();
        foreach (var (language, text) in _texts)
        {
            node[language] = new JsonArray(JsonValue.Create(text));
        }

        return node;
    }

    private string? Find(string language) =>
        Array.Find(_texts, t => string.Equals(t.Key, language, StringComparison.OrdinalIgnoreCase)).Value;
}

namespace Iiif.Web.Configuration;

/// <summary>Every layer merged (<see cref="Values"/>), with the layer that set each value (<see cref="Origins"/>), and
/// where the files came from. Registered as a service so /admin/config and the start-up lines can say it.</summary>
internal sealed class LayeredConfiguration(
    IiifConfigurationLocation location, Dictionary<string, string?> values, Dictionary<string, string> origins)
{
    public IiifConfigurationLocation Location { get; } = location;

    public Dictionary<string, string?> Values { get; } = values;

    /// <summary>Key to the origin of its value, e.g. "local.yml" or "environment variable IIIF_SERVER__URLS".</summary>
    public IReadOnlyDictionary<string, string> Origins { get; } = origins;

    /// <summary>What start-up should warn about without refusing to start: an explicitly named environment that has no
    /// overlay file (a typo such as Prodution).</summary>
    public IReadOnlyList<string> Warnings => Location.OverlayWarning() is { } warning ? [warning] : [];

    public string OriginOf(string key) => Origins.TryGetValue(key, out var origin) ? origin : "unknown";
}

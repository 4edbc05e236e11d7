namespace Iiif.Web.Configuration;

/// <summary>One source of settings (a YAML file, the environment variables, the command line) and, per key, where the
/// operator set it: the file name, the variable's name or the switch, shown by /admin/config and in key errors.</summary>
/// <param name="Origin">The layer as an operator names it, e.g. "default.yml" or "command line".</param>
/// <param name="Values">Flat keys (limits:maxWidth) and their values.</param>
internal sealed record ConfigurationLayer(string Origin, IReadOnlyList<KeyValuePair<string, string?>> Values)
{
    /// <summary>A finer origin per key where the layer has one (an environment variable's name).</summary>
    public IReadOnlyDictionary<string, string> KeyOrigins { get; init; } = new Dictionary<string, string>();

    public string OriginOf(string key) => KeyOrigins.TryGetValue(key, out var origin) ? origin : Origin;
}

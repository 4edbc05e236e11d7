using System.Collections;

namespace Iiif.Web.Configuration;

/// <summary>The configuration layers of the server, lowest first: config/default.yml, config/{Environment}.yml,
/// config/local.yml, IIIF_* environment variables, the command line. Like the old server's node-config, a later layer
/// replaces whole lists instead of merging them item by item (see <see cref="ConfigurationLayerMerger"/>).</summary>
internal static class IiifConfigurationSources
{
    public const string EnvironmentVariablePrefix = "IIIF_";
    public const string EnvironmentKey = "environment";
    public const string ConfigDirectoryKey = "configDir";
    public const string DefaultFileName = "default.yml";
    public const string LocalFileName = "local.yml";
    public const string CommandLineOrigin = "command line";

    /// <summary>Resolves the config folder and the environment from the command line and environment variables only,
    /// since they decide which files are read. The environment falls back to ASP.NET's own variables, then Production.</summary>
    public static IiifConfigurationLocation Locate(IReadOnlyList<string> args, IDictionary environmentVariables)
    {
        ArgumentNullException.ThrowIfNull(environmentVariables);
        var commandLine = ServerSwitches.Read(args);
        var environment = ReadEnvironmentVariables(environmentVariables).Values;
        var (name, source) = FirstNonEmpty(
            (Lookup(commandLine, EnvironmentKey), "--environment"),
            (Lookup(environment, EnvironmentKey), EnvironmentVariablePrefix + "ENVIRONMENT"),
            (environmentVariables["ASPNETCORE_ENVIRONMENT"] as string, "ASPNETCORE_ENVIRONMENT"),
            (environmentVariables["DOTNET_ENVIRONMENT"] as string, "DOTNET_ENVIRONMENT"));
        var directory = FirstNonEmpty((Lookup(commandLine, ConfigDirectoryKey), "--config"), (Lookup(environment, ConfigDirectoryKey), "IIIF_CONFIGDIR")).Value
            ?? Path.Combine(AppContext.BaseDirectory, "config");
        return new IiifConfigurationLocation(Path.GetFullPath(directory), name ?? Environments.Production) { EnvironmentSource = source };
    }

    /// <summary>Reads every layer and merges them into one flat key/value set.</summary>
    public static Dictionary<string, string?> Load(
        IiifConfigurationLocation location, IReadOnlyList<string> args, IDictionary environmentVariables) =>
        LoadLayers(location, args, environmentVariables).Values;

    /// <summary>Reads every layer and merges them, remembering which layer set each value.</summary>
    public static LayeredConfiguration LoadLayers(
        IiifConfigurationLocation location, IReadOnlyList<string> args, IDictionary environmentVariables)
    {
        ArgumentNullException.ThrowIfNull(location);
        var overlay = location.FindOverlay();
        ConfigurationLayer[] layers =
        [
            new(DefaultFileName, YamlLayer.Read(Path.Combine(location.ConfigDirectory, DefaultFileName), optional: false)),
            new(overlay is null ? location.EnvironmentName + ".yml" : Path.GetFileName(overlay), overlay is null ? [] : YamlLayer.Read(overlay, optional: true)),
            new(LocalFileName, YamlLayer.Read(Path.Combine(location.ConfigDirectory, LocalFileName), optional: true)),
            ReadEnvironmentVariables(environmentVariables),
            new(CommandLineOrigin, ServerSwitches.Read(args)),
        ];
        var (values, origins) = ConfigurationLayerMerger.Merge(layers);
        return new LayeredConfiguration(location, values, origins);
    }

    /// <summary>IIIF_LIMITS__MAXWIDTH=4000 becomes limits:maxWidth, as AddEnvironmentVariables would read it; done by
    /// hand so the variables can be passed in (tests need no process-wide state). Each key remembers its variable.</summary>
    internal static ConfigurationLayer ReadEnvironmentVariables(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var values = new List<KeyValuePair<string, string?>>();
        var origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentVariablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[EnvironmentVariablePrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                values.Add(new(key, entry.Value as string ?? string.Empty));
                origins[key] = "environment variable " + name;
            }
        }

        return new ConfigurationLayer("environment variables", values) { KeyOrigins = origins };
    }

    private static string? Lookup(IReadOnlyList<KeyValuePair<string, string?>> layer, string key) =>
        layer.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static (string? Value, string? Source) FirstNonEmpty(params (string? Value, string Source)[] candidates) =>
        candidates.Select(c => (Value: c.Value?.Trim(), c.Source)).FirstOrDefault(c => !string.IsNullOrEmpty(c.Value));
}

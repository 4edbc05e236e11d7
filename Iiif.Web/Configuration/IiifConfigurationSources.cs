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

    /// <summary>Short switches for everyday settings; every key also works in long form (--limits:maxWidth=4000).</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["--images"] = "images:root",
            ["--cache"] = "cache:root",
            ["--urls"] = "server:urls",
            ["--port"] = "server:port",
            ["--environment"] = EnvironmentKey,
            ["--config"] = ConfigDirectoryKey,
        };

    /// <summary>Resolves the config folder and the environment from the command line and environment variables only,
    /// since they decide which files are read. The environment falls back to ASP.NET's own variables, then Production.</summary>
    public static IiifConfigurationLocation Locate(IReadOnlyList<string> args, IDictionary environmentVariables)
    {
        var commandLine = ReadCommandLine(args);
        var environment = ReadEnvironmentVariables(environmentVariables);
        var name = FirstNonEmpty(
            Lookup(commandLine, EnvironmentKey),
            Lookup(environment, EnvironmentKey),
            environmentVariables["ASPNETCORE_ENVIRONMENT"] as string,
            environmentVariables["DOTNET_ENVIRONMENT"] as string) ?? Environments.Production;
        var directory = FirstNonEmpty(Lookup(commandLine, ConfigDirectoryKey), Lookup(environment, ConfigDirectoryKey))
            ?? Path.Combine(AppContext.BaseDirectory, "config");
        return new IiifConfigurationLocation(Path.GetFullPath(directory), name);
    }

    /// <summary>Reads every layer and merges them into one flat key/value set.</summary>
    public static Dictionary<string, string?> Load(
        IiifConfigurationLocation location, IReadOnlyList<string> args, IDictionary environmentVariables)
    {
        var layers = new List<IReadOnlyList<KeyValuePair<string, string?>>>
        {
            YamlLayer.Read(Path.Combine(location.ConfigDirectory, DefaultFileName), optional: false),
            YamlLayer.Read(FindOverlay(location.ConfigDirectory, location.EnvironmentName + ".yml"), optional: true),
            YamlLayer.Read(Path.Combine(location.ConfigDirectory, LocalFileName), optional: true),
            ReadEnvironmentVariables(environmentVariables),
            ReadCommandLine(args),
        };
        return ConfigurationLayerMerger.Merge(layers);
    }

    /// <summary>Adds the merged layers as the configuration's only source.</summary>
    public static IConfigurationBuilder AddIiifConfiguration(this IConfigurationBuilder builder,
        IiifConfigurationLocation location, IReadOnlyList<string> args, IDictionary environmentVariables)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddInMemoryCollection(Load(location, args, environmentVariables));
    }

    /// <summary>IIIF_LIMITS__MAXWIDTH=4000 becomes limits:maxWidth, as AddEnvironmentVariables would read it; done by
    /// hand so the variables can be passed in (tests need no process-wide state).</summary>
    internal static List<KeyValuePair<string, string?>> ReadEnvironmentVariables(IDictionary variables)
    {
        var result = new List<KeyValuePair<string, string?>>();
        foreach (DictionaryEntry entry in variables)
        {
            var name = entry.Key as string;
            if (name is not null && name.StartsWith(EnvironmentVariablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[EnvironmentVariablePrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                result.Add(new(key, entry.Value as string ?? string.Empty));
            }
        }

        return result;
    }

    internal static List<KeyValuePair<string, string?>> ReadCommandLine(IReadOnlyList<string> args)
    {
        if (CommandLineCheck.Problems(args) is { Count: > 0 } problems)
        {
            throw new InvalidConfigurationException(problems);
        }

        try
        {
            return new ConfigurationBuilder()
                .AddCommandLine([.. args], SwitchMappings.ToDictionary(StringComparer.OrdinalIgnoreCase))
                .Build()
                .AsEnumerable()
                .Where(pair => pair.Value is not null)
                .ToList();
        }
        catch (FormatException e)
        {
            throw new InvalidConfigurationException("command line: " + e.Message, e);
        }
    }

    /// <summary>The overlay named after the environment, matched without regard to case so that
    /// <c>--environment development</c> still finds Development.yml on a case-sensitive file system.</summary>
    private static string FindOverlay(string directory, string fileName)
    {
        var exact = Path.Combine(directory, fileName);
        if (File.Exists(exact) || !Directory.Exists(directory))
        {
            return exact;
        }

        return Directory.EnumerateFiles(directory, "*.yml")
            .FirstOrDefault(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.OrdinalIgnoreCase)) ?? exact;
    }

    private static string? Lookup(List<KeyValuePair<string, string?>> layer, string key) =>
        layer.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? FirstNonEmpty(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}

namespace Iiif.Web.Configuration;

/// <summary>Where the YAML files are and which environment overlay applies; resolved before any file is read, because
/// <c>--environment</c> and <c>--config</c> choose the files.</summary>
/// <param name="ConfigDirectory">Absolute path of the folder holding default.yml and the overlays.</param>
/// <param name="EnvironmentName">The host environment, e.g. Production or Development; names the overlay file.</param>
internal sealed record IiifConfigurationLocation(string ConfigDirectory, string EnvironmentName)
{
    /// <summary>What named the environment (<c>--environment</c>, <c>IIIF_ENVIRONMENT</c>, ...); null when nothing did
    /// and it is the default, Production.</summary>
    public string? EnvironmentSource { get; init; }

    /// <summary>The environment's overlay file, matched without regard to case so that <c>--environment development</c>
    /// still finds Development.yml on a case-sensitive file system; null when there is none.</summary>
    public string? FindOverlay()
    {
        var fileName = EnvironmentName + ".yml";
        var exact = Path.Combine(ConfigDirectory, fileName);
        if (File.Exists(exact))
        {
            return exact;
        }

        return Directory.Exists(ConfigDirectory)
            ? Directory.EnumerateFiles(ConfigDirectory, "*.yml")
                .FirstOrDefault(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    /// <summary>The environments that have an overlay in the config folder (every *.yml but default.yml and local.yml).</summary>
    public IReadOnlyList<string> KnownEnvironments() => Directory.Exists(ConfigDirectory)
        ? Directory.EnumerateFiles(ConfigDirectory, "*.yml")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => !string.Equals(name + ".yml", IiifConfigurationSources.DefaultFileName, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(name + ".yml", IiifConfigurationSources.LocalFileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList()
        : [];

    /// <summary>A warning when the environment was named explicitly but has no overlay file (a typo such as Prodution
    /// would otherwise run without Production.yml's settings and without a word); null when all is well.</summary>
    public string? OverlayWarning()
    {
        if (EnvironmentSource is null || FindOverlay() is not null)
        {
            return null;
        }

        var known = KnownEnvironments();
        var nearest = NearestName.Find(EnvironmentName, known);
        var hint = nearest is not null ? $"; did you mean {nearest}?" : known.Count > 0 ? $"; overlays here: {string.Join(", ", known)}" : string.Empty;
        return $"environment '{EnvironmentName}' (from {EnvironmentSource}) has no overlay file {EnvironmentName}.yml in {ConfigDirectory}: "
            + $"only default.yml and local.yml apply{hint}";
    }
}

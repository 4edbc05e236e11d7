namespace Iiif.Web.Configuration;

/// <summary>Where the YAML files are and which environment overlay applies; resolved before any file is read, because
/// <c>--environment</c> and <c>--config</c> choose the files.</summary>
/// <param name="ConfigDirectory">Absolute path of the folder holding default.yml and the overlays.</param>
/// <param name="EnvironmentName">The host environment, e.g. Production or Development; names the overlay file.</param>
internal sealed record IiifConfigurationLocation(string ConfigDirectory, string EnvironmentName);

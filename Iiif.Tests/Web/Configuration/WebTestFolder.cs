using System.Collections;
using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Configuration;

/// <summary>A throw-away folder for one web test: config/ (with the shipped default.yml unless told otherwise),
/// images/ and log/, and the command line that points the server at them.</summary>
internal sealed class WebTestFolder : IDisposable
{
    public WebTestFolder(bool withShippedDefaults = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "iiif-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(ImagesDirectory);
        if (withShippedDefaults)
        {
            File.Copy(ShippedConfigFile(IiifConfigurationSources.DefaultFileName), Path.Combine(ConfigDirectory, IiifConfigurationSources.DefaultFileName));
        }
    }

    public string Root { get; }

    public string ConfigDirectory => Path.Combine(Root, "config");

    public string ImagesDirectory => Path.Combine(Root, "images");

    public string LogDirectory => Path.Combine(Root, "log");

    public string CacheDirectory => Path.Combine(Root, "cache");

    /// <summary>No IIIF_* or ASP.NET variables: tests never see the machine's environment.</summary>
    public static IDictionary NoEnvironment => new Hashtable();

    /// <summary>The config file of that name as built into the test output (copied there from Iiif.Web/config).</summary>
    public static string ShippedConfigFile(string fileName) => Path.Combine(AppContext.BaseDirectory, "config", fileName);

    public void WriteConfig(string fileName, string yaml) => File.WriteAllText(Path.Combine(ConfigDirectory, fileName), yaml);

    /// <summary>A command line that keeps every folder of the server inside this one, listening on a free loopback port.</summary>
    public string[] HostArgs(params string[] extra) =>
    [
        "--config", ConfigDirectory, "--images", ImagesDirectory, "--cache", CacheDirectory,
        "--urls", "http://127.0.0.1:0", "--logging:directory=" + LogDirectory, "--logging:console=false", .. extra,
    ];

    public IiifConfigurationLocation Location(string environmentName = "Production") => new(ConfigDirectory, environmentName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being closed; the temp folder is cleaned up by the system later.
        }
    }
}

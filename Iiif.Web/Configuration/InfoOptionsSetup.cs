using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Fills the free-form lists of <see cref="InfoOptions"/> (service, seeAlso, partOf) from the raw section.</summary>
internal sealed class InfoOptionsSetup(IConfiguration configuration) : IConfigureOptions<InfoOptions>
{
    public void Configure(InfoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(InfoOptions.SectionName);
        options.Service = ConfigurationJson.ToElements(section.GetSection("service"));
        options.SeeAlso = ConfigurationJson.ToElements(section.GetSection("seeAlso"));
        options.PartOf = ConfigurationJson.ToElements(section.GetSection("partOf"));
    }
}

using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Reads the <c>profiles</c> map: every child is a profile name, its value the URL tail. A name set to an
/// empty value in a later layer is dropped, which is how an overlay removes a profile of default.yml.</summary>
internal sealed class ProfilesOptionsSetup(IConfiguration configuration) : IConfigureOptions<ProfilesOptions>
{
    public void Configure(ProfilesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Tails = configuration.GetSection(ProfilesOptions.SectionName).GetChildren()
            .Where(child => !string.IsNullOrWhiteSpace(child.Value))
            .ToDictionary(child => child.Key, child => child.Value!.Trim(), StringComparer.Ordinal);
    }
}

using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>info</c> section: the URI-valued properties must be absolute URIs (3.0 rights: https://iiif.io/api/image/3.0/#56-rights;
/// 2.1 license and logo: https://iiif.io/api/image/2.1/#54-rights-and-licensing-properties; a 2.1 logo may also be an object, which this server does not configure).</summary>
internal sealed class InfoOptionsValidator : IValidateOptions<InfoOptions>
{
    public ValidateOptionsResult Validate(string? name, InfoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(InfoOptions.SectionName);
        const string Message = "must be empty or an absolute http(s) URI";
        failures.AddIf(!ConfigurationRules.IsEmptyOrAbsoluteHttpUri(options.Rights), "rights", Message);
        failures.AddIf(!ConfigurationRules.IsEmptyOrAbsoluteHttpUri(options.License), "license", Message);
        failures.AddIf(!ConfigurationRules.IsEmptyOrAbsoluteHttpUri(options.Logo), "logo", Message);
        return failures.ToResult();
    }
}

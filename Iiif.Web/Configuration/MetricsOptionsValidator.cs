using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>metrics</c> section.</summary>
internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(MetricsOptions.SectionName);
        foreach (var address in ConfigurationRules.InvalidAddresses(options.AllowedIps))
        {
            failures.Add("allowedIps", $"'{address}' is neither an IP address nor a CIDR network (10.0.0.0/8)");
        }

        return failures.ToResult();
    }
}

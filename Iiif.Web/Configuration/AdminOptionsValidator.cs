using System.Globalization;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>admin</c> section.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(AdminOptions.SectionName);
        failures.AddIf(options.ApiKey.Length is > 0 and < AdminOptions.MinimumApiKeyLength, "apiKey",
            string.Create(CultureInfo.InvariantCulture, $"must be empty (admin endpoints off) or at least {AdminOptions.MinimumApiKeyLength} characters"));
        foreach (var address in ConfigurationRules.InvalidAddresses(options.AllowedIps))
        {
            failures.Add("allowedIps", $"'{address}' is neither an IP address nor a CIDR network (10.0.0.0/8)");
        }

        return failures.ToResult();
    }
}

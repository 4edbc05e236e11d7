using Iiif.Caching;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>cache</c> section beyond the ranges on its properties. A missing cache folder is fine:
/// the caches create it.</summary>
internal sealed class CachingOptionsValidator : IValidateOptions<CachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CachingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(ConfigurationSections.Cache);
        failures.AddIf(string.IsNullOrWhiteSpace(options.Root), "root", "must name a folder");
        failures.AddIf(File.Exists(options.Root), "root", $"'{options.Root}' is a file, not a folder");
        failures.AddIf(!ConfigurationRules.IsOneOf(options.Warm.ClearWith, CacheWarmOptions.ClearWithValues), "warm.clearWith",
            $"must be one of {ConfigurationRules.Quoted(CacheWarmOptions.ClearWithValues)}");
        return failures.ToResult();
    }
}

using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>imaging</c> section beyond the ranges on its properties.</summary>
internal sealed class ImagingOptionsValidator : IValidateOptions<ImagingOptions>
{
    public ValidateOptionsResult Validate(string? name, ImagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(ImagingOptions.SectionName);
        failures.AddIf(!ConfigurationRules.IsOneOf(options.Resampler, ImagingOptions.Resamplers), "resampler",
            $"must be one of {ConfigurationRules.Quoted(ImagingOptions.Resamplers)}");
        return failures.ToResult();
    }
}

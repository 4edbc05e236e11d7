using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Cross-field rules of the <c>limits</c> section, from https://iiif.io/api/image/3.0/#52-technical-properties.</summary>
internal sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(LimitsOptions.SectionName);
        // "If maxHeight is specified, maxWidth MUST also be specified" (3.0, technical properties).
        failures.AddIf(options.MaxHeight > 0 && options.MaxWidth == 0, "maxHeight",
            "needs limits.maxWidth as well (Image API 3.0)");
        // A server offering sizeUpscaling must declare maxWidth or maxArea, bounding what ^ can ask for (3.0, technical properties).
        failures.AddIf(options.Upscaling && options.MaxWidth == 0 && options.MaxArea == 0, "upscaling",
            "needs limits.maxWidth or limits.maxArea (Image API 3.0)");
        failures.AddIf(options.UpscaleFactor is > 0 and < 1, "upscaleFactor",
            "must be 0 (no factor limit) or at least 1");
        return failures.ToResult();
    }
}

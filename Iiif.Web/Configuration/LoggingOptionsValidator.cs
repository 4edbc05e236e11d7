using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>logging</c> section.</summary>
internal sealed class LoggingOptionsValidator : IValidateOptions<LoggingOptions>
{
    public static readonly IReadOnlyList<string> Levels = ["Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Off"];

    public ValidateOptionsResult Validate(string? name, LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(LoggingOptions.SectionName);
        failures.AddIf(string.IsNullOrWhiteSpace(options.Directory), "directory", "must name a folder");
        failures.AddIf(!ConfigurationRules.IsOneOf(options.Level, Levels), "level",
            $"must be one of {ConfigurationRules.Quoted(Levels)}");
        failures.AddIf(!ConfigurationRules.IsOneOf(options.Requests, LoggingOptions.RequestsValues), "requests",
            $"must be one of {ConfigurationRules.Quoted(LoggingOptions.RequestsValues)}");
        return failures.ToResult();
    }
}

using Iiif.Imaging.Sources;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>images</c> section beyond the ranges on its properties. A missing source folder stops
/// start-up: a server that cannot see its images is misconfigured (a typo, an unmounted volume), and failing at once
/// says so better than a stream of 404s.</summary>
internal sealed class FileSystemSourceOptionsValidator : IValidateOptions<FileSystemSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, FileSystemSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(ConfigurationSections.Images);
        if (!string.IsNullOrWhiteSpace(options.Root) && !Directory.Exists(options.Root))
        {
            failures.Add("root", File.Exists(options.Root)
                ? $"'{options.Root}' is a file, not a folder"
                : $"folder '{options.Root}' does not exist (set images.root or pass --images DIR)");
        }

        failures.AddIf(options.Extensions.Count == 0, "extensions", "must list at least one file extension, e.g. [jp2]");
        foreach (var extension in options.Extensions.Where(e => e.Length == 0 || !e.All(char.IsAsciiLetterOrDigit)))
        {
            failures.Add("extensions", $"'{extension}' must be letters and digits only, e.g. jp2");
        }

        return failures.ToResult();
    }
}

using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Checks that each profile is a URL tail of the four trailing IIIF parameters. Only the shape: the values
/// are parsed like any request when they are used.</summary>
internal sealed class ProfilesOptionsValidator : IValidateOptions<ProfilesOptions>
{
    public ValidateOptionsResult Validate(string? name, ProfilesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(ProfilesOptions.SectionName);
        foreach (var (profile, tail) in options.Tails.Where(p => !IsTail(p.Value)))
        {
            failures.Add(profile, $"'{tail}' must be a URL tail /region/size/rotation/quality.format, e.g. /full/600,/0/default.jpg");
        }

        return failures.ToResult();
    }

    internal static bool IsTail(string value)
    {
        var segments = value.Split('/');
        return segments.Length == 5 && segments[0].Length == 0 && segments.Skip(1).All(s => s.Length > 0)
            && segments[4].IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && dot < segments[4].Length - 1;
    }
}

using System.Text.RegularExpressions;
using Iiif.Imaging.Sources.Remote;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>sources</c> section: each rule has a unique name, a prefix or a valid regular expression
/// (not both), a known type and that type's required settings, so a typo stops start-up instead of sending identifiers
/// to the wrong place.</summary>
internal sealed class SourceRulesOptionsValidator : IValidateOptions<SourceRulesOptions>
{
    private static readonly string[] Types = ["filesystem", "http", "s3"];

    public ValidateOptionsResult Validate(string? name, SourceRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(ConfigurationSections.Sources);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var key = $"rules.{i}";
            failures.AddIf(string.IsNullOrWhiteSpace(rule.Name), key + ".name", "must name the rule");
            failures.AddIf(!string.IsNullOrWhiteSpace(rule.Name) && !names.Add(rule.Name), key + ".name", $"'{rule.Name}' names two rules");
            failures.AddIf(string.IsNullOrEmpty(rule.Prefix) == string.IsNullOrEmpty(rule.Regex), key, "needs either prefix or regex");
            if (!string.IsNullOrEmpty(rule.Regex) && !IsRegex(rule.Regex))
            {
                failures.Add(key + ".regex", $"'{rule.Regex}' is not a valid regular expression");
            }

            var type = rule.Type?.ToLowerInvariant();
            failures.AddIf(!Types.Contains(type), key + ".type", "must be filesystem, http or s3");
            failures.AddIf(type == "filesystem" && string.IsNullOrWhiteSpace(rule.Filesystem?.Root), key + ".filesystem.root", "must name the folder");
            failures.AddIf(type == "http" && !IsHttpTemplate(rule.Http?.UrlTemplate), key + ".http.urlTemplate",
                "must be an http:// or https:// URL with {path} or {identifier} in it");
            failures.AddIf(type == "s3" && string.IsNullOrWhiteSpace(rule.S3?.Bucket), key + ".s3.bucket", "must name the bucket");
            failures.AddIf(type == "s3" && rule.S3 is { EndpointUrl.Length: > 0 } s3 && !Uri.TryCreate(s3.EndpointUrl, UriKind.Absolute, out _),
                key + ".s3.endpointUrl", "must be an absolute URL such as http://minio:9000");
            failures.AddIf(type == "s3" && rule.S3 is { AccessKey.Length: > 0, SecretKey.Length: 0 }, key + ".s3.secretKey", "must be set with accessKey");
        }

        return failures.ToResult();
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsHttpTemplate(string? template) =>
        template is not null
        && (template.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || template.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && template.Contains('{', StringComparison.Ordinal);
}

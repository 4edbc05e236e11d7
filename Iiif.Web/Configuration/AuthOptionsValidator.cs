using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Rules of the <c>auth</c> section. The entries of <c>rules</c> and <c>policies</c> are lists and maps,
/// which the unknown-key check does not look into, so their keys are checked here against the classes they bind to.</summary>
internal sealed class AuthOptionsValidator(IConfiguration configuration) : IValidateOptions<AuthOptions>
{
    public static readonly string[] PolicyTypes = ["login", "terms", "network", AuthOptions.OpenPolicy];
    private static readonly string[] SameSiteValues = ["auto", "none", "lax", "strict"];

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new ConfigurationFailures(AuthOptions.SectionName);
        var section = configuration.GetSection(AuthOptions.SectionName);
        CheckRules(options, section.GetSection("rules"), failures);
        foreach (var (policyName, policy) in options.Policies)
        {
            CheckPolicy(policyName, policy, section.GetSection("policies").GetSection(policyName), options, failures);
        }

        foreach (var origin in options.AllowedOrigins.Where(o => o != "*" && !IsOrigin(o)))
        {
            failures.Add("allowedOrigins", $"'{origin}' is not an origin such as https://viewer.example.org (scheme, host, optional port; no path) or \"*\"");
        }

        failures.AddIf(options.TokenLifetime is < 10 or > 86400, "tokenLifetime", "must be between 10 and 86400 seconds");
        failures.AddIf(options.Cookie.Lifetime is < 60 or > 31_536_000, "cookie.lifetime", "must be between 60 seconds and a year");
        failures.AddIf(!ConfigurationRules.IsOneOf(options.Cookie.SameSite, SameSiteValues), "cookie.sameSite",
            $"must be one of {ConfigurationRules.Quoted(SameSiteValues)}");
        failures.AddIf(string.IsNullOrWhiteSpace(options.Cookie.Name) || options.Cookie.Name.Any(c => c is ';' or ',' or '=' or ' ' || char.IsControl(c)),
            "cookie.name", "must be a non-empty cookie name without ; , = or spaces");
        failures.AddIf(string.IsNullOrEmpty(options.DegradedSuffix) || options.DegradedSuffix.Any(char.IsControl), "degradedSuffix",
            "must be a non-empty text such as /degraded");
        return failures.ToResult();
    }

    private static void CheckRules(AuthOptions options, IConfigurationSection rules, ConfigurationFailures failures)
    {
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var key = $"rules.{i}";
            var rule = options.Rules[i];
            UnknownKeys(rules.GetSection(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), typeof(AuthRuleOptions), key, failures);
            failures.AddIf((rule.Prefix.Length > 0) == (rule.Match.Length > 0), key, "needs exactly one of prefix or match");
            if (rule.Match.Length > 0 && !IsRegex(rule.Match))
            {
                failures.Add(key + ".match", $"'{rule.Match}' is not a valid regular expression");
            }

            failures.AddIf(!string.Equals(rule.Policy, AuthOptions.OpenPolicy, StringComparison.OrdinalIgnoreCase) && !options.Policies.ContainsKey(rule.Policy),
                key + ".policy", $"'{rule.Policy}' is neither \"open\" nor a name under auth.policies ({ConfigurationRules.Quoted(options.Policies.Keys)})");
        }
    }

    private static void CheckPolicy(string name, AuthPolicyOptions policy, IConfigurationSection section, AuthOptions options, ConfigurationFailures failures)
    {
        var key = "policies." + name;
        UnknownKeys(section, typeof(AuthPolicyOptions), key, failures);
        UnknownKeys(section.GetSection("degraded"), typeof(AuthDegradedOptions), key + ".degraded", failures);
        failures.AddIf(name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'), key,
            "a policy name may hold only letters, digits, - and _ (it appears in URLs)");
        if (!ConfigurationRules.IsOneOf(policy.Type, PolicyTypes))
        {
            failures.Add(key + ".type", $"'{policy.Type}' must be one of {ConfigurationRules.Quoted(PolicyTypes)}");
            return;
        }

        var type = policy.Type.ToLowerInvariant();
        failures.AddIf(type == "network" && policy.Ranges.Count == 0, key + ".ranges", "a network policy needs at least one address range");
        foreach (var address in ConfigurationRules.InvalidAddresses(policy.Ranges))
        {
            failures.Add(key + ".ranges", $"'{address}' is neither an IP address nor a CIDR network (10.0.0.0/8)");
        }

        failures.AddIf(type == "login" && policy.UserHeader.Length == 0 && options.AccountsFile.Length == 0, key,
            "a login policy needs auth.accountsFile, or userHeader for a user name set by a trusted proxy");
        failures.AddIf(policy.GroupsHeader.Length > 0 && policy.UserHeader.Length == 0, key + ".groupsHeader", "needs userHeader");
        failures.AddIf(policy.Degraded.MaxSize < 0, key + ".degraded.maxSize", "must be 0 (no size limit) or a positive number of pixels");
        foreach (var text in TextKeys.Where(t => section.GetSection(t).Value is not null))
        {
            failures.Add($"{key}.{text}", "must be a language map such as {en: \"Log in\"}, not a single text");
        }
    }

    private static readonly string[] TextKeys = ["label", "heading", "note", "confirmLabel", "deniedHeading", "deniedNote", "logoutLabel", "terms"];

    private static void UnknownKeys(IConfigurationSection section, Type type, string key, ConfigurationFailures failures)
    {
        var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToList();
        foreach (var child in section.GetChildren().Where(c => !names.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            var nearest = NearestName.Find(child.Key, names);
            failures.Add($"{key}.{child.Key}", "unknown key" + (nearest is null ? string.Empty : $"; did you mean {AuthOptions.SectionName}.{key}.{nearest}?"));
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>scheme://host[:port] exactly, as browsers write an origin (https://html.spec.whatwg.org/#origin).</summary>
    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), value, StringComparison.OrdinalIgnoreCase);
}

using System.Text.RegularExpressions;
using Iiif.Core.Auth;
using Iiif.Web.Admin;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Auth;

/// <summary>One rule of auth.rules (its 0-based position, as the admin endpoint reports it): a prefix or a pattern, and
/// the policy it selects.</summary>
internal sealed record AccessRule(int Index, string? Prefix, Regex? Pattern, AccessPolicy Policy)
{
    public bool Matches(string identifier) =>
        Prefix is not null ? identifier.StartsWith(Prefix, StringComparison.Ordinal) : Pattern!.IsMatch(identifier);

    public string Describe() => Prefix is not null ? "prefix " + Prefix : "match " + Pattern;
}

/// <summary>Which policy an identifier falls under: the first rule that matches, else open (so an install without
/// rules behaves as before). Also knows the degraded aliases: {identifier}{auth.degradedSuffix} names the degraded
/// version of an identifier whose policy offers one.</summary>
internal sealed class AccessRules
{
    private readonly AccessRule[] _rules;

    public AccessRules(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var auth = options.Value;
        Policies = auth.Policies.ToDictionary(p => p.Key, p => Build(p.Key, p.Value), StringComparer.OrdinalIgnoreCase);
        _rules = [.. auth.Rules.Select((rule, index) => new AccessRule(
            index,
            rule.Prefix.Length > 0 ? rule.Prefix : null,
            rule.Match.Length > 0 ? new Regex(rule.Match, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)) : null,
            Policies.TryGetValue(rule.Policy, out var policy) ? policy : AccessPolicy.Open))];
        DegradedSuffix = auth.DegradedSuffix;
    }

    public IReadOnlyDictionary<string, AccessPolicy> Policies { get; }

    public IReadOnlyList<AccessRule> Rules => _rules;

    public string DegradedSuffix { get; }

    /// <summary>False when no rule exists: every check is then a single branch.</summary>
    public bool IsEnabled => _rules.Length > 0;

    /// <summary>The first rule matching <paramref name="identifier"/>, or null (open).</summary>
    public AccessRule? RuleFor(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        foreach (var rule in _rules)
        {
            if (rule.Matches(identifier))
            {
                return rule;
            }
        }

        return null;
    }

    public AccessPolicy PolicyFor(string identifier) => RuleFor(identifier)?.Policy ?? AccessPolicy.Open;

    /// <summary>True when <paramref name="identifier"/> is the degraded alias of a restricted identifier whose policy
    /// offers a degraded version; <paramref name="original"/> is then that identifier.</summary>
    public bool TryDegraded(string identifier, out string original, out AccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        original = string.Empty;
        policy = AccessPolicy.Open;
        if (!IsEnabled || identifier.Length <= DegradedSuffix.Length || !identifier.EndsWith(DegradedSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        original = identifier[..^DegradedSuffix.Length];
        policy = PolicyFor(original);
        return policy.Degraded is not null;
    }

    private static AccessPolicy Build(string name, AuthPolicyOptions options)
    {
        var kind = Enum.Parse<PolicyKind>(options.Type, ignoreCase: true);
        return new AccessPolicy(name, kind)
        {
            Groups = options.Groups.Select(g => g.Trim()).Where(g => g.Length > 0).ToHashSet(StringComparer.Ordinal),
            UserHeader = options.UserHeader.Length > 0 ? options.UserHeader : null,
            GroupsHeader = options.GroupsHeader.Length > 0 ? options.GroupsHeader : null,
            Ranges = kind == PolicyKind.Network ? new IpAllowList(options.Ranges) : null,
            Texts = PolicyTexts.For(kind, options),
            Degraded = options.Degraded.IsEnabled && kind != PolicyKind.Open
                ? new DegradedAccess(options.Degraded.MaxSize, options.Degraded.Gray,
                    LanguageMap.Or(new LanguageMap(options.Degraded.Label), LanguageMap.English("Reduced version")))
                : null,
        };
    }
}
